import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { assertManagesScript } from "../manageable-script";

export const endAbTestInput = z.object({ scriptId: z.string().min(1), keepVariantId: z.string().min(1) });

/**
 * 结束测试: a manager keeps one variant. It takes the whole traffic — new tasks and the script's tasks not dialed yet
 * get it; calls already made keep theirs, so the test's figures stay as they were. Audited with the figures' verdict
 * left to the page (the manager decides, the product only says whether the difference is significant).
 */
export async function endAbTest(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof endAbTestInput>) {
  const input = endAbTestInput.parse(raw);
  return db.$transaction(async (tx) => {
    await assertManagesScript(tx, scope, input.scriptId);
    const variants = await tx.scriptVariant.findMany({ where: { scriptId: input.scriptId }, select: { id: true, key: true, sharePercent: true } });
    const kept = variants.find((v) => v.id === input.keepVariantId);
    if (!kept) throw AppError.notFound("版本");
    const script = await tx.script.findUniqueOrThrow({ where: { id: input.scriptId }, select: { abEndedAt: true } });
    if (script.abEndedAt) throw new AppError("BAD_REQUEST", "该测试已结束");
    const now = new Date();
    for (const v of variants) await tx.scriptVariant.update({ where: { id: v.id }, data: { sharePercent: v.id === kept.id ? 100 : 0 } });
    await tx.script.update({ where: { id: input.scriptId }, data: { abEndedAt: now, abKeptVariantId: kept.id } });
    const moved = await tx.callTask.updateMany({
      where: { scriptId: input.scriptId, status: "pending", attempt: 0, NOT: { variantId: kept.id } },
      data: { variantId: kept.id },
    });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "script.abTest.end",
      targetType: "script",
      targetId: input.scriptId,
      data: { kept: kept.key, sharesBefore: variants.map((v) => ({ key: v.key, sharePercent: v.sharePercent })), pendingTasksMoved: moved.count },
    });
    return { scriptId: input.scriptId, keptVariantId: kept.id, endedAt: now };
  });
}
