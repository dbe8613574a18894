import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { batchFigures, estimateBatchFinish } from "@/server/domain/call-tasks/batch-progress";
import { companyLimits } from "@/server/domain/calling-policy";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";
import { Prisma } from "@/server/generated/prisma/client";
import { listCallBatchesInput, type ListCallBatchesInput } from "./list-call-batches.schema";

/** Observed dial rate is read over this many recent minutes for the ETA. */
const RATE_WINDOW_MIN = 10;

type Group = { batchId: string; status: "pending" | "dialing" | "inCall" | "ended" | "intercepted" | "cancelled" | "failed"; attempt: number; lastOutcome: string | null; calls: number; count: number };

/**
 * 外呼批次: the batch launches (批量处理-智能外呼), newest first, each with who launched it and when, and its progress over
 * the tasks in the caller's clinics — 已呼 of 总数, 已接听, 拦截, 待呼 and when the waiting ones should be done (ETA: the
 * batch's observed dial rate of the last minutes, or the script's per-minute limit before it has dialed, within
 * 09:00–20:00; never before its latest scheduled redial). A batch is listed when any of its tasks is in those clinics.
 */
export async function listCallBatches(db: Tx, scope: Scope, raw: ListCallBatchesInput, now = new Date()) {
  const input = listCallBatchesInput.parse(raw);
  const where: Prisma.CallBatchWhereInput = {
    companyId: scope.companyId,
    tasks: { some: { clinicId: { in: scope.clinicIds } } },
    ...(input.status ? { status: input.status } : {}),
  };
  const [total, batches, company] = await Promise.all([
    db.callBatch.count({ where }),
    db.callBatch.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, createdAt: true, createdById: true, status: true, statusAt: true, statusById: true, script: { select: { id: true, name: true, status: true } } },
    }),
    db.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { seatLimit: true, seatsPerScript: true, dialsPerMinuteScript: true } }),
  ]);
  const ids = batches.map((b) => b.id);
  if (ids.length === 0) return { total, items: [] };
  const [groups, recent, redials, users] = await Promise.all([
    db.$queryRaw<Group[]>`
      SELECT t."batchId", t.status::text AS status, (t.attempt > 0)::int AS attempt, t."lastOutcome"::text AS "lastOutcome",
             EXISTS (SELECT 1 FROM "Call" c WHERE c."taskId" = t.id)::int AS calls, count(*)::int AS count
      FROM "CallTask" t
      WHERE t."batchId" = ANY(${ids}::text[]) AND t."clinicId" = ANY(${scope.clinicIds}::text[])
      GROUP BY 1, 2, 3, 4, 5`,
    db.$queryRaw<{ batchId: string; n: number }[]>`
      SELECT t."batchId", count(*)::int AS n FROM "Call" c JOIN "CallTask" t ON t.id = c."taskId"
      WHERE t."batchId" = ANY(${ids}::text[]) AND t."clinicId" = ANY(${scope.clinicIds}::text[])
        AND c."dialedAt" > ${new Date(now.getTime() - RATE_WINDOW_MIN * 60_000)}
      GROUP BY 1`,
    db.callTask.groupBy({ by: ["batchId"], where: { batchId: { in: ids }, clinicId: { in: scope.clinicIds }, status: "pending" }, _max: { nextAttemptAt: true } }),
    db.user.findMany({ where: { id: { in: batches.flatMap((b) => [b.createdById, b.statusById].filter((x): x is string => !!x)) } }, select: { id: true, name: true } }),
  ]);
  const limits = companyLimits(company);
  const fallbackRate = Math.min(limits.dialsPerMinuteScript, limits.seatsPerScript);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    total,
    items: batches.map((b) => {
      const figures = batchFigures(groups.filter((g) => g.batchId === b.id));
      const observed = (recent.find((r) => r.batchId === b.id)?.n ?? 0) / RATE_WINDOW_MIN;
      const dialing = b.status === "running" && b.script.status === "enabled";
      let eta = dialing ? estimateBatchFinish(figures.waiting, observed > 0 ? observed : fallbackRate, now, DEFAULT_TIME_ZONE) : null;
      const lastRedial = redials.find((r) => r.batchId === b.id)?._max.nextAttemptAt;
      if (eta && lastRedial && lastRedial > eta) eta = lastRedial;
      return {
        id: b.id,
        createdAt: b.createdAt,
        createdBy: b.createdById ? (names.get(b.createdById) ?? null) : null,
        status: b.status,
        statusAt: b.statusAt,
        statusBy: b.statusById ? (names.get(b.statusById) ?? null) : null,
        script: b.script,
        ...figures,
        eta,
        /** Why nothing is being dialed although tasks wait: the batch or its script is paused / stopped. */
        held: figures.waiting > 0 && !dialing ? (b.status !== "running" ? b.status : b.script.status) : null,
      };
    }),
  };
}
