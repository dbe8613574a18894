import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";

export const createJourneyInput = z.object({
  name: z.string().trim().min(1, "请输入旅程名称").max(30, "旅程名称最多 30 个字"),
  clinicId: z.string().min(1, "请选择门店"),
});
export type CreateJourneyInput = z.input<typeof createJourneyInput>;

/** A draft with its entry node (every day at 10:00 by default); the canvas adds the rest. */
export async function createJourney(db: PrismaClient, scope: Scope, viewer: Viewer, raw: CreateJourneyInput) {
  const input = createJourneyInput.parse(raw);
  if (!scope.clinicIds.includes(input.clinicId)) throw AppError.notFound("门店");
  return db.$transaction(async (tx) => {
    const clinic = await tx.clinic.findFirst({ where: { id: input.clinicId, companyId: scope.companyId }, select: { id: true } });
    if (!clinic) throw AppError.notFound("门店");
    const journey = await tx.journey.create({
      data: {
        companyId: scope.companyId,
        clinicId: clinic.id,
        name: input.name,
        nodes: {
          create: {
            kind: "entry",
            config: { segmentId: null, schedule: { kind: "daily", time: "10:00" } },
            positionX: 40,
            positionY: 160,
          },
        },
      },
    });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "journey.create",
      targetType: "journey",
      targetId: journey.id,
      data: { name: journey.name, clinicId: clinic.id },
    });
    return { id: journey.id };
  });
}
