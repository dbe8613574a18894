import type { PrismaClient, Tx } from "../../server/db/create-client";
import { recountCallTotals } from "../../server/services/metrics/recount-call-totals";

type Figures = { pending: number; intercepted: number; failed: number; dialed: number; answered: number; effective: number; seconds: number };

/** The running totals summed per (script, clinic, source, day) over the shards, and the answered-patient rows. */
async function snapshot(db: Tx, companyId: string) {
  const rows = await db.$queryRaw<({ key: string } & Figures)[]>`
    SELECT concat_ws('|', "scriptId", "clinicId", source::text, day::text) AS key,
           sum("pendingTasks")::int AS pending, sum("interceptedTasks")::int AS intercepted, sum("failedTasks")::int AS failed,
           sum("dialedCalls")::int AS dialed, sum("answeredCalls")::int AS answered, sum("effectiveCalls")::int AS effective,
           sum("answeredSeconds")::int AS seconds
    FROM "CallDailyTotal" WHERE "companyId" = ${companyId} GROUP BY 1`;
  const [patients] = await db.$queryRaw<{ script: number; company: number }[]>`
    SELECT (SELECT count(*)::int FROM "ScriptAnsweredPatient" WHERE "companyId" = ${companyId}) AS script,
           (SELECT count(*)::int FROM "AnsweredPatient" WHERE "companyId" = ${companyId}) AS company`;
  return { byKey: new Map(rows.map(({ key, ...f }) => [key, f])), patients: patients! };
}

const ZERO: Figures = { pending: 0, intercepted: 0, failed: 0, dialed: 0, answered: 0, effective: 0, seconds: 0 };
const sum = (m: Map<string, Figures>) =>
  [...m.values()].reduce((a, f) => Object.fromEntries(Object.keys(ZERO).map((k) => [k, a[k as keyof Figures] + f[k as keyof Figures]])) as Figures, ZERO);

/**
 * The running totals (what 执行数据 / 通话数据 show) against a recount from the CallTask and Call rows: the recount runs
 * in a transaction that is rolled back, so the database keeps what the app wrote. Run it with no app process writing.
 */
export async function compareTotalsWithRecount(db: PrismaClient, companyId: string) {
  const kept = await snapshot(db, companyId);
  let recounted: Awaited<ReturnType<typeof snapshot>> | null = null;
  const ROLLBACK = new Error("rollback");
  await db
    .$transaction(
      async (tx) => {
        await recountCallTotals(tx, companyId);
        recounted = await snapshot(tx, companyId);
        throw ROLLBACK;
      },
      { timeout: 120_000 },
    )
    .catch((error) => {
      if (error !== ROLLBACK) throw error;
    });
  const again = recounted!;
  const keys = new Set([...kept.byKey.keys(), ...again.byKey.keys()]);
  let differing = 0;
  for (const key of keys) {
    const a = kept.byKey.get(key) ?? ZERO;
    const b = again.byKey.get(key) ?? ZERO;
    if (Object.keys(ZERO).some((k) => a[k as keyof Figures] !== b[k as keyof Figures])) differing++;
  }
  if (kept.patients.script !== again.patients.script || kept.patients.company !== again.patients.company) differing++;
  return { differing, kept: sum(kept.byKey), recounted: sum(again.byKey) };
}
