import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { FOLLOW_UP_REASONS } from "@/server/domain/outcomes/follow-up-rules";
import type { Prisma } from "@/server/generated/prisma/client";

export const listFollowUpTasksInput = z.object({
  kind: z.enum(["revisit", "visit"]).optional(),
  mine: z.boolean().default(false),
  /** Only tasks past their deadline (as of `now`). */
  overdue: z.boolean().default(false),
  reason: z.enum(FOLLOW_UP_REASONS as [string, ...string[]]).optional(),
  status: z.enum(["pending", "done"]).default("pending"),
  now: z.coerce.date().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(10).max(100).default(20),
});
export type ListFollowUpTasksInput = z.input<typeof listFollowUpTasksInput>;

/** 任务中心-执行回/随访: the 回访 / 随访 tasks of the caller's clinics, most urgent first (done ones: latest first). */
export async function listFollowUpTasks(db: Tx, scope: Scope, viewer: Viewer, raw: ListFollowUpTasksInput) {
  const input = listFollowUpTasksInput.parse(raw);
  const where: Prisma.FollowUpTaskWhereInput = {
    companyId: scope.companyId,
    clinicId: { in: scope.clinicIds },
    status: input.status,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.mine ? { executorId: viewer.userId } : {}),
    ...(input.reason ? { reason: input.reason as Prisma.FollowUpTaskWhereInput["reason"] } : {}),
    ...(input.overdue && input.status === "pending" ? { dueAt: { lt: input.now ?? new Date() } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.followUpTask.count({ where }),
    db.followUpTask.findMany({
      where,
      orderBy: input.status === "done" ? [{ completedAt: "desc" }, { id: "asc" }] : [{ dueAt: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        kind: true,
        reason: true,
        title: true,
        content: true,
        triggerSentence: true,
        callId: true,
        dueAt: true,
        status: true,
        outcome: true,
        result: true,
        completedAt: true,
        executor: { select: { id: true, name: true } },
        patient: { select: { id: true, name: true } },
        clinic: { select: { id: true, shortName: true, timezone: true } },
      },
    }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, items: rows };
}
