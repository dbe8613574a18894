import type { Tx } from "@/server/db/create-client";
import { rosterStatus, type RosterStatus } from "@/server/domain/calls/roster";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { visibleScript } from "@/server/services/scripts/visible-script";

/** How a started batch is doing: its tasks by 执行状态, and its calls placed and answered so far. */
export async function getBatchProgress(db: Tx, scope: Scope, batchId: string) {
  const batch = await db.callBatch.findFirst({
    // A batch of a script on none of the caller's clinics is another clinic's: missing, like change-call-batch.
    where: { id: batchId, companyId: scope.companyId, script: visibleScript(scope) },
    select: { id: true, createdAt: true, script: { select: { id: true, name: true, status: true } } },
  });
  if (!batch) throw AppError.notFound("外呼批次");
  const tasks = await db.callTask.findMany({
    where: { batchId: batch.id, clinicId: { in: scope.clinicIds } },
    select: { status: true, attempt: true, lastOutcome: true, _count: { select: { calls: true } } },
  });
  const byStatus: Partial<Record<RosterStatus, number>> = {};
  let dialed = 0;
  for (const t of tasks) {
    const s = rosterStatus(t);
    byStatus[s] = (byStatus[s] ?? 0) + 1;
    dialed += t._count.calls;
  }
  const open = (byStatus.waiting ?? 0) + (byStatus.redialWaiting ?? 0) + (byStatus.calling ?? 0);
  return { batch, total: tasks.length, byStatus, dialed, answered: byStatus.answered ?? 0, done: open === 0 };
}
