import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { assertManagesSegment } from "./journeys-using-segment";

export const deleteSegmentInput = z.object({ id: z.string().min(1) });
export type DeleteSegmentInput = z.input<typeof deleteSegmentInput>;

export async function deleteSegment(db: PrismaClient, scope: Scope, viewer: Viewer, raw: DeleteSegmentInput) {
  const input = deleteSegmentInput.parse(raw);
  return db.$transaction(async (tx) => {
    const segment = await tx.segment.findFirst({ where: { id: input.id, companyId: scope.companyId } });
    if (!segment) throw AppError.notFound("人群");
    const { names } = await assertManagesSegment(tx, scope, segment.id);
    if (names.length) {
      throw new AppError("CONFLICT", `人群「${segment.name}」正被旅程「${names.join("」「")}」使用，不能删除`);
    }
    await tx.segment.delete({ where: { id: segment.id } });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "segment.delete",
      targetType: "segment",
      targetId: segment.id,
      data: { name: segment.name },
    });
    return { id: segment.id };
  });
}
