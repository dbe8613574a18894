import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { callMetrics, EFFECTIVE_DIALOGUE_MIN_ROUNDS, type CallMetrics } from "@/server/domain/calls/call-metrics";
import { normalizeMobile } from "@/server/domain/patients/mobile";
import { AppError } from "@/server/errors";
import { Prisma } from "@/server/generated/prisma/client";
import { getCallMetrics } from "@/server/services/metrics/get-call-metrics";
import { clinicFilter } from "@/server/services/tenancy/clinic-filter";
import type { Scope } from "@/server/domain/auth/scope";
import { callRecordFilterShape, callRecordSql, dayStart, withFilterRules, type CallRecordFilters } from "./call-record-filters";
import { visibleScript } from "@/server/services/scripts/visible-script";

export const summarizeCallRecordsInput = withFilterRules(z.object(callRecordFilterShape));
export type SummarizeCallRecordsInput = z.input<typeof summarizeCallRecordsInput>;

/** Filters that describe calls only (a task has no outcome, intent or consultant of its own). */
const CALL_ONLY = ["intent", "consultantId", "onlineConsultantId", "outcome", "callback", "review", "proposedTime"] as const;
/** Filters that narrow tasks as well as calls. */
const SHARED = ["clinicId", "q", "from", "to"] as const;

type Num = bigint | number | null;
const n = (v: Num | undefined) => Number(v ?? 0);

/**
 * The 执行数据 / 通话数据 above 话单记录, for exactly the calls the list below shows: one script's (from 【话单】) or
 * every script's, narrowed by every filter of the list. Unfiltered it reads the running totals (docs/metrics.md);
 * filtered it counts the Call rows under the list's own condition (callRecordSql), so 已呼通话数 equals 共 N 条. The
 * task figures (待通话数, 拦截通话数, 下发失败数) follow 门店, the search and the dates (by the day the task was added, as
 * the totals file them); a call-only filter (通话状态, 客户意向, 咨询师 …) says nothing about tasks, so they are then null
 * (`taskFigures: false`) rather than a figure of other rows.
 */
export async function summarizeCallRecords(db: Tx, scope: Scope, raw: SummarizeCallRecordsInput = {}) {
  const f = summarizeCallRecordsInput.parse(raw);
  let script: { id: string; name: string; status: "enabled" | "paused" | "stopped"; pauseReason: "manual" | "insufficientBalance" | null } | null = null;
  if (f.scriptId) {
    script = await db.script.findFirst({
      where: { id: f.scriptId, ...visibleScript(scope) },
      select: { id: true, name: true, status: true, pauseReason: true },
    });
    if (!script) throw AppError.notFound("话术");
  }
  const callOnly = CALL_ONLY.some((k) => f[k] !== undefined);
  const filtered = callOnly || SHARED.some((k) => f[k] !== undefined);
  if (!filtered) {
    const { total } = await getCallMetrics(db, scope, script ? { scriptIds: [script.id] } : {});
    return { script, metrics: total, filtered: false, taskFigures: true };
  }
  const clinics = await clinicFilter(db, scope);
  const [calls, tasks] = await Promise.all([countCalls(db, scope, clinics, f), callOnly ? null : countTasks(db, scope, clinics, f)]);
  const metrics: CallMetrics = callMetrics({
    pendingTasks: n(tasks?.pending),
    interceptedTasks: n(tasks?.intercepted),
    failedTasks: n(tasks?.failed),
    dialedCalls: n(calls.dialed),
    failedCalls: n(calls.failed),
    answeredCalls: n(calls.answered),
    effectiveCalls: n(calls.effective),
    answeredSeconds: n(calls.seconds),
    answeredPatients: n(calls.answeredPatients),
    effectivePatients: n(calls.effectivePatients),
  });
  return { script, metrics, filtered: true, taskFigures: tasks !== null };
}

async function countCalls(db: Tx, scope: Scope, clinics: { in: string[] } | undefined, f: CallRecordFilters) {
  const effective = Prisma.sql`outcome = 'answered' AND rounds >= ${EFFECTIVE_DIALOGUE_MIN_ROUNDS}`;
  const [row] = await db.$queryRaw<Record<string, Num>[]>`
    SELECT count(*) AS dialed,
      count(*) FILTER (WHERE outcome = 'failed') AS failed,
      count(*) FILTER (WHERE outcome = 'answered') AS answered,
      count(*) FILTER (WHERE ${effective}) AS effective,
      coalesce(sum("durationSec") FILTER (WHERE outcome = 'answered'), 0) AS seconds,
      count(DISTINCT "patientId") FILTER (WHERE outcome = 'answered') AS "answeredPatients",
      count(DISTINCT "patientId") FILTER (WHERE ${effective}) AS "effectivePatients"
    FROM "Call" WHERE ${callRecordSql(scope, clinics, f)}`;
  return row ?? {};
}

async function countTasks(db: Tx, scope: Scope, clinics: { in: string[] } | undefined, f: CallRecordFilters) {
  const parts: Prisma.Sql[] = [Prisma.sql`t."companyId" = ${scope.companyId}`];
  if (clinics) parts.push(Prisma.sql`t."clinicId" = ANY(${clinics.in}::text[])`);
  if (f.scriptId) parts.push(Prisma.sql`t."scriptId" = ${f.scriptId}`);
  if (f.clinicId) parts.push(Prisma.sql`t."clinicId" = ${f.clinicId}`);
  if (f.from) parts.push(Prisma.sql`t."createdAt" >= ${dayStart(f.from)}`);
  if (f.to) parts.push(Prisma.sql`t."createdAt" < ${dayStart(f.to, 1)}`);
  if (f.q) {
    const digits = normalizeMobile(f.q);
    const byName = Prisma.sql`t."patientId" IN (SELECT id FROM "Patient" WHERE "companyId" = ${scope.companyId} AND name LIKE ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`;
    parts.push(/^\d{3,11}$/.test(digits) ? Prisma.sql`(${byName} OR t.mobile LIKE ${`%${digits}%`})` : byName);
  }
  const [row] = await db.$queryRaw<Record<string, Num>[]>`
    SELECT count(*) FILTER (WHERE t.status IN ('pending', 'dialing')) AS pending,
      count(*) FILTER (WHERE t.status = 'intercepted') AS intercepted,
      count(*) FILTER (WHERE t.status IN ('failed', 'cancelled')) AS failed
    FROM "CallTask" t WHERE ${Prisma.join(parts, " AND ")}`;
  return row ?? {};
}
