import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { assertManagesSegment } from "./journeys-using-segment";
import { assertDefinitionIdsOwned, assertNameFree, segmentFields } from "./segment-input";

export const updateSegmentInput = segmentFields.extend({ id: z.string().min(1) });
export type UpdateSegmentInput = z.input<typeof updateSegmentInput>;

/** Refused when a journey of a clinic outside the caller's scope uses it. Published journeys pick up the change at their next run (they evaluate the segment then). */
export async function updateSegment(db: PrismaClient, scope: Scope, viewer: Viewer, raw: UpdateSegmentInput) {
  const input = updateSegmentInput.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.segment.findFirst({ where: { id: input.id, companyId: scope.companyId } });
    if (!before) throw AppError.notFound("人群");
    await assertManagesSegment(tx, scope, before.id);
    await assertNameFree(tx, scope.companyId, input.name, before.id);
    await assertDefinitionIdsOwned(tx, scope, input.definition);
    const segment = await tx.segment.update({
      where: { id: before.id },
      data: { name: input.name, conditions: input.definition },
    });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "segment.update",
      targetType: "segment",
      targetId: segment.id,
      data: { before: { name: before.name, conditions: before.conditions as object }, after: { name: segment.name } },
    });
    return { id: segment.id, name: segment.name };
  });
}
