import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";
import { Prisma } from "@/server/generated/prisma/client";
import { notifyDialerActivity } from "@/server/db/dialer-activity";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { cancelPendingBatchTasks } from "@/server/services/dialer/call-rows";
import { changeCallBatchInput, type ChangeCallBatchInput } from "./change-call-batch.schema";

const NEXT = { pause: "paused", resume: "running", cancel: "cancelled" } as const;

/**
 * 外呼批次 → 暂停 / 继续 / 取消 one batch. Paused, its waiting tasks (redials included) are skipped by the dialer until it is
 * resumed; cancelled, its waiting tasks are cancelled (外呼批次已取消) and calls in progress finish without a redial
 * (applyAttemptResult). A cancelled batch stays cancelled. The caller must see every clinic the batch calls from: a
 * batch none of whose patients they see behaves as missing; one that reaches beyond their clinics is refused.
 */
export async function changeCallBatch(db: PrismaClient, scope: Scope, viewer: Viewer, raw: ChangeCallBatchInput, now = new Date()) {
  const input = changeCallBatchInput.parse(raw);
  return db.$transaction(async (tx) => {
    const [batch] = await tx.$queryRaw<{ id: string; status: "running" | "paused" | "cancelled"; scriptId: string }[]>`
      SELECT id, status::text AS status, "scriptId" FROM "CallBatch" WHERE id = ${input.batchId} AND "companyId" = ${scope.companyId} FOR UPDATE`;
    const clinics = batch ? await tx.callTask.groupBy({ by: ["clinicId"], where: { batchId: batch.id } }) : [];
    if (!batch || !clinics.some((c) => scope.clinicIds.includes(c.clinicId))) throw AppError.notFound("外呼批次");
    if (clinics.some((c) => !scope.clinicIds.includes(c.clinicId))) throw AppError.forbidden("该批次包含你无权管理的门店的患者");
    if (batch.status === "cancelled") throw new AppError("BAD_REQUEST", "该批次已取消");
    const status = NEXT[input.action];
    let cancelledTasks = 0;
    if (status !== batch.status) {
      await tx.callBatch.update({ where: { id: batch.id }, data: { status, statusAt: now, statusById: viewer.userId } });
      if (status === "cancelled") cancelledTasks = await cancelPendingBatchTasks(tx, batch.id, now);
      await writeAuditLog(tx, {
        companyId: scope.companyId,
        actorId: viewer.userId,
        action: `outbound.batch.${input.action}`,
        targetType: "callBatch",
        targetId: batch.id,
        data: { scriptId: batch.scriptId, from: batch.status, to: status, cancelledTasks } satisfies Prisma.InputJsonObject,
      });
      await notifyDialerActivity(tx, [scope.companyId]);
    }
    return { batchId: batch.id, status, cancelledTasks };
  });
}
