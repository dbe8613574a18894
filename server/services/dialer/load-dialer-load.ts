import type { Tx } from "@/server/db/create-client";
import { THROTTLE_WINDOW_MS } from "@/server/domain/calling-policy";

export interface ScriptLoad {
  /** Seats in use: tasks claimed, being placed or in a call. */
  active: number;
  /** Dials started in the last THROTTLE_WINDOW_MS (placed calls and claims still being placed), and the oldest's start. */
  recent: { count: number; oldestAt: Date | null };
}

export interface DialerLoadNow {
  companyActive: number;
  byScript: Map<string, ScriptLoad>;
}

/**
 * What the capacity rules count, for the claim, the batch preview and anyone else (so they can never disagree): seats
 * in use per script and company, and each script's dials of the rolling minute before `now`.
 *
 * One statement, so one snapshot: a placement commits its Call row and moves its task from `dialing` to `inCall` in one
 * transaction, and this count sees the claim or the call — never neither (two statements did: a placement that committed
 * between them was counted by neither, issue 21). A result that beats the placement's own record counts that dial twice
 * for a moment (too many, never too few). The claim calls it after taking the company
 * lock, with `now` read before the lock: dials count with no upper bound on `dialedAt`, so another process's dials
 * stamped after our `now` count too (an early `now` only widens the window). A Call row's `dialedAt` is when the carrier
 * accepted it (place-claimed-call.ts), never before the carrier saw the request, so a dial the carrier counts in a minute
 * is counted here in that minute too.
 */
export async function loadDialerLoad(tx: Tx, companyId: string, now: Date): Promise<DialerLoadNow> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // Constant text, run by every claim and every 实时监控 snapshot: prepared once per connection (create-client.ts).
  const rows = await tx.$queryRaw<{ scriptId: string; active: number; recent: number; oldest: Date | null }[]>`-- prepared: dialer_load
    SELECT "scriptId", sum(active)::int AS active, sum(recent)::int AS recent, min(oldest) AS oldest
    FROM (
      SELECT "scriptId", count(*) AS active, count(*) FILTER (WHERE status = 'dialing') AS recent,
             min(coalesce("placingAt", "claimedAt")) FILTER (WHERE status = 'dialing') AS oldest
      FROM "CallTask" WHERE "companyId" = ${companyId} AND status IN ('dialing', 'inCall')
      GROUP BY "scriptId"
      UNION ALL
      SELECT "scriptId", 0, count(*), min("dialedAt")
      FROM "Call" WHERE "companyId" = ${companyId} AND "dialedAt" > ${since}
      GROUP BY "scriptId"
    ) parts
    GROUP BY "scriptId"`;
  const byScript = new Map<string, ScriptLoad>();
  let companyActive = 0;
  for (const r of rows) {
    byScript.set(r.scriptId, { active: r.active, recent: { count: r.recent, oldestAt: r.recent > 0 ? r.oldest : null } });
    companyActive += r.active;
  }
  return { companyActive, byScript };
}

export const idleScript = (): ScriptLoad => ({ active: 0, recent: { count: 0, oldestAt: null } });
