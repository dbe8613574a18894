import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { findJourney } from "./find-journey";

export const deleteJourneyInput = z.object({ id: z.string().min(1) });
export type DeleteJourneyInput = z.input<typeof deleteJourneyInput>;

/** Only drafts can be deleted; a journey that has run keeps its roster (end it instead). */
export async function deleteJourney(db: PrismaClient, scope: Scope, viewer: Viewer, raw: DeleteJourneyInput) {
  const input = deleteJourneyInput.parse(raw);
  return db.$transaction(async (tx) => {
    const journey = await findJourney(tx, scope, input.id);
    if (journey.status !== "draft") throw new AppError("CONFLICT", "只能删除草稿状态的旅程，已发布的旅程请使用「结束」");
    await tx.journey.delete({ where: { id: journey.id } });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "journey.delete",
      targetType: "journey",
      targetId: journey.id,
      data: { name: journey.name },
    });
    return { id: journey.id };
  });
}
