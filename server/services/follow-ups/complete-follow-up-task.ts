import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { FOLLOW_UP_OUTCOMES } from "@/server/domain/outcomes/follow-up-rules";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";

export const completeFollowUpTaskInput = z.object({
  id: z.string().min(1),
  outcome: z.enum(FOLLOW_UP_OUTCOMES as ["reached", "booked", "notReachable", "declined"]),
  note: z.string().trim().max(500, "备注不超过500字").optional(),
});
export type CompleteFollowUpTaskInput = z.input<typeof completeFollowUpTaskInput>;

export const OUTCOME_LABELS = { reached: "已联系", booked: "已预约", notReachable: "未联系上", declined: "拒绝" } as const;

/**
 * 完成任务: the result goes on the task (and so on the patient's 客户动态, which lists 回访 with their result); the
 * patient's next call for the same reason may open a new task.
 */
export async function completeFollowUpTask(db: PrismaClient, scope: Scope, viewer: Viewer, raw: CompleteFollowUpTaskInput, now = new Date()) {
  const input = completeFollowUpTaskInput.parse(raw);
  const task = await db.followUpTask.findFirst({
    where: { id: input.id, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    select: { id: true, status: true },
  });
  if (!task) throw AppError.notFound("回访任务");
  if (task.status !== "pending") throw new AppError("CONFLICT", "该任务已完成或已取消");
  const result = input.note ? `${OUTCOME_LABELS[input.outcome]}：${input.note}` : OUTCOME_LABELS[input.outcome];
  await db.$transaction(async (tx) => {
    await tx.followUpTask.update({
      where: { id: task.id },
      data: { status: "done", outcome: input.outcome, result, completedAt: now, openKey: null, executorId: viewer.userId },
    });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "followUp.complete",
      targetType: "followUpTask",
      targetId: task.id,
      data: { outcome: input.outcome },
    });
  });
  return { id: task.id, result };
}
