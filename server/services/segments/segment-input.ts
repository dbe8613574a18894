import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { referencedIds, segmentDefinition, type SegmentDefinition } from "@/server/domain/segments/segment-definition";
import type { Scope } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";

export const segmentFields = z.object({
  name: z.string().trim().min(1, "请输入人群名称").max(30, "人群名称最多 30 个字"),
  definition: segmentDefinition.refine((d) => d.conditions.length > 0, "请至少添加一个筛选条件"),
});

/**
 * Clinics named in a definition must be the caller's (a clinic admin names none of another clinic's), consultants the
 * company's own.
 */
export async function assertDefinitionIdsOwned(db: Tx, scope: Scope, def: SegmentDefinition) {
  const { companyId } = scope;
  const { clinicIds, consultantIds } = referencedIds(def);
  if (clinicIds.length) {
    const n = await db.clinic.count({ where: { companyId, id: { in: clinicIds.filter((id) => scope.clinicIds.includes(id)) } } });
    if (n !== clinicIds.length) throw new AppError("BAD_REQUEST", "所选门店不存在或无权访问");
  }
  if (consultantIds.length) {
    const n = await db.user.count({ where: { companyId, id: { in: consultantIds } } });
    if (n !== consultantIds.length) throw new AppError("BAD_REQUEST", "所选咨询师不存在或无权访问");
  }
}

export async function assertNameFree(db: Tx, companyId: string, name: string, exceptId?: string) {
  const clash = await db.segment.findFirst({
    where: { companyId, name, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new AppError("CONFLICT", `人群名称「${name}」已存在`);
}
