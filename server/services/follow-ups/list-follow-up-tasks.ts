import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";

export const listFollowUpTasksInput = z.object({
  kind: z.enum(["revisit", "visit"]).optional(),
  mine: z.boolean().default(false),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(10).max(100).default(20),
});
export type ListFollowUpTasksInput = z.input<typeof listFollowUpTasksInput>;

/** 任务中心-执行回/随访: the pending 回访 / 随访 tasks of the caller's clinics, most urgent first. */
export async function listFollowUpTasks(db: Tx, scope: Scope, viewer: Viewer, raw: ListFollowUpTasksInput) {
  const input = listFollowUpTasksInput.parse(raw);
  const where = {
    companyId: scope.companyId,
    clinicId: { in: scope.clinicIds },
    status: "pending" as const,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.mine ? { executorId: viewer.userId } : {}),
  };
  const [total, rows] = await Promise.all([
    db.followUpTask.count({ where }),
    db.followUpTask.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        kind: true,
        title: true,
        content: true,
        dueAt: true,
        executor: { select: { id: true, name: true } },
        patient: { select: { id: true, name: true } },
        clinic: { select: { id: true, shortName: true, timezone: true } },
      },
    }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, items: rows };
}
