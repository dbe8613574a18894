import { HOLD_PROBE_EVERY_MS } from "@/server/domain/vendor/vendor-errors";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/db/create-client";
import {
  companyLimits,
  decide,
  freeCapacity,
  type Decision,
  type DeferRule,
  type DncLookup,
  type InterceptRule,
  type PastCall,
  type ScriptCategory,
} from "@/server/domain/calling-policy";
import { listCallableClinicIds } from "@/server/services/dialer/outbound/load-outbound-access";
import { getCallBalance } from "@/server/services/scripts/get-call-balance";
import { pauseScriptsForInsufficientBalance } from "@/server/services/scripts/pause-scripts-for-insufficient-balance";
import { withCallRows, type CallRows } from "./call-rows";
import { CANDIDATE_FACTOR, MAX_CLAIM_ROUNDS } from "./dialer-settings";
import { idleScript, loadDialerLoad } from "./load-dialer-load";
import { loadCallHistory, loadDnc, type DncLoader } from "./load-policy-inputs";

/** A task moved to `dialing` by a claim; `attempt` is the attempt about to be placed. */
export interface ClaimedTask {
  taskId: string;
  companyId: string;
  scriptId: string;
  attempt: number;
  claimToken: string;
}

export interface ClaimStats {
  claimed: ClaimedTask[];
  /** Policy decisions taken (allow + defer + intercept). */
  decided: number;
  deferred: number;
  intercepted: number;
}

export interface ClaimOptions {
  now: Date;
  workerId: string;
  /** Tests inject a failing lookup here. */
  loadDnc?: DncLoader;
  /** Tests inject a delay here: between taking `now` and taking the company lock (another process may claim meanwhile). */
  beforeLock?: () => Promise<void>;
  /** At most this many claims in this transaction (runDialerTick claims a company in slices of CLAIM_SLICE). */
  maxClaims?: number;
}

type Candidate = { id: string; clinicId: string; mobile: string; attempt: number };

/**
 * Claims one company's due tasks atomically: the company row is locked (so two workers never count the same free seat
 * twice), each enabled script gets at most its free capacity (seats of the script and the company, and the per-minute
 * throttle), and candidate rows are taken with FOR UPDATE SKIP LOCKED. Every candidate goes through the calling policy;
 * allowed ones become `dialing` with a claim token, the others are deferred or intercepted with their rule — all in one
 * transaction, so a crash leaves either nothing or a consistent claim behind.
 */
export async function claimCompanyTasks(db: PrismaClient, companyId: string, scriptIds: readonly string[], opts: ClaimOptions): Promise<ClaimStats> {
  const stats: ClaimStats = { claimed: [], decided: 0, deferred: 0, intercepted: 0 };
  const token = `${opts.workerId}:${randomUUID()}`;
  const now = opts.now;
  await db.$transaction(
    (tx) =>
      withCallRows(tx, async (rows) => {
        await opts.beforeLock?.();
        const [configured] = await tx.$queryRaw<
          { seatLimit: number | null; seatsPerScript: number | null; dialsPerMinuteScript: number | null; callingHeldAt: Date | null; callingHoldProbeAt: Date | null }[]
        >`
          SELECT "seatLimit", "seatsPerScript", "dialsPerMinuteScript", "callingHeldAt", "callingHoldProbeAt" FROM "Company" WHERE id = ${companyId} FOR NO KEY UPDATE`;
        if (!configured) return;
        // Calling held (the carrier said the account cannot call): nothing is claimed, except one probe call now and then.
        let budget = opts.maxClaims ?? Number.POSITIVE_INFINITY;
        if (configured.callingHeldAt) {
          if (configured.callingHoldProbeAt && configured.callingHoldProbeAt > now) return;
          budget = 1;
          await tx.company.update({ where: { id: companyId }, data: { callingHoldProbeAt: new Date(now.getTime() + HOLD_PROBE_EVERY_MS) } });
        }
        const limits = companyLimits(configured);
        if ((await getCallBalance(tx, companyId)) <= 0) {
          await pauseScriptsForInsufficientBalance(tx, companyId);
          return;
        }
        const clinicIds = await listCallableClinicIds(tx, companyId);
        if (clinicIds.length === 0) return;
        const clinics = new Map((await tx.clinic.findMany({ where: { id: { in: clinicIds } }, select: { id: true, timezone: true } })).map((c) => [c.id, c.timezone]));
        const scripts = await tx.script.findMany({ where: { id: { in: [...scriptIds] }, companyId, status: "enabled" }, select: { id: true, category: true } });
        const load = await loadDialerLoad(tx, companyId, now);

        const states = scripts.map((script) => {
          const own = load.byScript.get(script.id) ?? idleScript();
          return { script, category: script.category as ScriptCategory, active: own.active, recent: { ...own.recent }, drained: false };
        });
        type State = (typeof states)[number];
        const free = (st: State) =>
          Math.min(budget - stats.claimed.length, freeCapacity(limits, { companyActive: load.companyActive, scriptActive: st.active, recentDials: st.recent.count }));

        for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
          const wanting = states.filter((st) => !st.drained && free(st) > 0);
          if (wanting.length === 0) break;
          // Every script's candidates in one statement: its own LIMIT, rows locked, rows other claimers hold skipped.
          // A capped transaction (maxClaims) reads each script's share of what is left of it, not each script's capacity.
          const share = Math.max(1, Math.ceil((budget - stats.claimed.length) / wanting.length));
          const limitsPerScript = wanting.map((st) => Math.min(free(st), share) * CANDIDATE_FACTOR);
          const candidates = await tx.$queryRaw<(Candidate & { scriptId: string })[]>`
            SELECT c.* FROM unnest(${wanting.map((st) => st.script.id)}::text[], ${limitsPerScript}::int[]) AS s(id, lim)
            CROSS JOIN LATERAL (
              SELECT t.id, t."scriptId", t."clinicId", t.mobile, t.attempt FROM "CallTask" t
              WHERE t."scriptId" = s.id AND t.status = 'pending' AND t."nextAttemptAt" <= ${now}
                AND t."clinicId" = ANY(${clinicIds}::text[]) AND t.mobile IS NOT NULL
                AND (t."batchId" IS NULL OR NOT EXISTS (SELECT 1 FROM "CallBatch" b WHERE b.id = t."batchId" AND b.status = 'paused'))
              ORDER BY t."nextAttemptAt", t.id
              LIMIT s.lim
              FOR UPDATE SKIP LOCKED
            ) c`;
          if (candidates.length === 0) break;
          const queues = new Map<string, Candidate[]>();
          for (const row of candidates) queues.set(row.scriptId, [...(queues.get(row.scriptId) ?? []), row]);
          wanting.forEach((st, i) => {
            if ((queues.get(st.script.id)?.length ?? 0) < limitsPerScript[i]!) st.drained = true;
          });

          const mobiles = [...new Set(candidates.map((c) => c.mobile))];
          const history = await loadCallHistory(tx, companyId, mobiles, now);
          // However the lookup fails, the answer is "blocked", never "allowed".
          const dnc = await (opts.loadDnc ?? loadDnc)(tx, companyId, mobiles).catch((): ((m: string) => DncLookup) => () => ({ ok: false }));
          const outcome = new Outcomes();
          // Round-robin over scripts, so when the company's seats are the limit every script gets its turn.
          for (let progressed = true; progressed; ) {
            progressed = false;
            for (const st of wanting) {
              const task = queues.get(st.script.id)?.shift();
              if (!task || free(st) <= 0) continue; // what is left stays pending, untouched, for the next tick
              progressed = true;
              const decision = decide(
                { id: task.id, scriptId: st.script.id, mobile: task.mobile },
                {
                  timeZone: clinics.get(task.clinicId) ?? "Asia/Shanghai",
                  category: st.category,
                  limits,
                  seats: { companyActive: load.companyActive, scriptActive: st.active },
                  recentDials: st.recent,
                  history: history.get(task.mobile) ?? [],
                  dnc: dnc(task.mobile),
                },
                now,
              );
              stats.decided += 1;
              outcome.add(task.id, decision);
              if (decision.kind === "allow") {
                load.companyActive += 1;
                st.active += 1;
                st.recent.count += 1;
                st.recent.oldestAt ??= now;
                const claim: PastCall = { taskId: task.id, scriptId: st.script.id, category: st.category, dialedAt: now, answered: false, inProgress: true };
                history.set(task.mobile, [...(history.get(task.mobile) ?? []), claim]);
                stats.claimed.push({ taskId: task.id, companyId, scriptId: st.script.id, attempt: task.attempt + 1, claimToken: token });
              }
            }
          }
          const written = await outcome.write(rows, now, token);
          rows.touch(companyId);
          stats.deferred += written.deferred;
          stats.intercepted += written.intercepted;
        }
        // 拦截 figures are filed once, at the end (withCallRows), so the totals rows are locked last and in key order.
      }),
    { timeout: 60_000, maxWait: 30_000 },
  );
  return stats;
}

/** Collects a round's decisions and writes them with a few set-based updates. */
class Outcomes {
  private allowed: string[] = [];
  private deferred = new Map<string, { until: Date; rule: DeferRule; ids: string[] }>();
  private intercepted = new Map<InterceptRule, string[]>();

  add(taskId: string, d: Decision) {
    if (d.kind === "allow") this.allowed.push(taskId);
    else if (d.kind === "intercept") this.intercepted.set(d.rule, [...(this.intercepted.get(d.rule) ?? []), taskId]);
    else {
      const key = `${d.rule}|${d.until.getTime()}`;
      const group = this.deferred.get(key) ?? { until: d.until, rule: d.rule, ids: [] };
      group.ids.push(taskId);
      this.deferred.set(key, group);
    }
  }

  async write(rows: CallRows, now: Date, token: string) {
    await rows.claim(this.allowed, token, now);
    let deferred = 0;
    for (const g of this.deferred.values()) {
      await rows.defer(g.ids, g.until, g.rule);
      deferred += g.ids.length;
    }
    let intercepted = 0;
    for (const [rule, ids] of this.intercepted) intercepted += await rows.intercept(ids, rule, now);
    return { deferred, intercepted };
  }
}
