import type { PrismaClient } from "@/server/db/create-client";
import { Prisma } from "@/server/generated/prisma/client";
import { claimCompanyTasks, type ClaimedTask, type ClaimOptions } from "./claim-due-tasks";
import { cancelPendingTasks } from "./call-rows";
import { CLAIM_SLICE } from "./dialer-settings";
import { recoverStaleClaims } from "./recover-stale-claims";

export interface TickResult {
  claimed: ClaimedTask[];
  recovered: number;
  cancelled: number;
  decided: number;
  deferred: number;
  intercepted: number;
  /** Companies whose claim failed (the error is logged; the others went on). */
  failures: { companyId: string; error: string }[];
}

/**
 * One pass of the hopper: recover stale claims, cancel what stopped scripts left, then claim due tasks company by
 * company, each in transactions of at most CLAIM_SLICE claims. Only enabled scripts with due tasks are visited (an
 * EXISTS probe per script on the claim index).
 */
export async function runDialerTick(
  db: PrismaClient,
  opts: ClaimOptions & { companyId?: string; /** Benches wrap it to time each company's claim. */ claim?: typeof claimCompanyTasks },
): Promise<TickResult> {
  const { now } = opts;
  const recovered = await recoverStaleClaims(db, now, opts.companyId);
  // Safety net: 停用 cancels a script's pending tasks in its own transaction; anything that slipped in since is cancelled here.
  const cancelled = await cancelPendingTasks(db, { stoppedScripts: true, companyId: opts.companyId }, now);
  const due = await db.$queryRaw<{ id: string; companyId: string }[]>`
    SELECT s.id, s."companyId" FROM "Script" s
    WHERE s.status = 'enabled' ${opts.companyId ? Prisma.sql`AND s."companyId" = ${opts.companyId}` : Prisma.empty}
      AND EXISTS (SELECT 1 FROM "CallTask" t WHERE t."scriptId" = s.id AND t.status = 'pending' AND t."nextAttemptAt" <= ${now})`;
  const byCompany = new Map<string, string[]>();
  for (const s of due) byCompany.set(s.companyId, [...(byCompany.get(s.companyId) ?? []), s.id]);

  const result: TickResult = { claimed: [], recovered, cancelled, decided: 0, deferred: 0, intercepted: 0, failures: [] };
  // Companies in a random order per tick: a claim locks its company row, so workers walking the same order would queue
  // behind each other company after company; shuffled, they mostly claim different companies at the same time.
  const companies = [...byCompany];
  for (let i = companies.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [companies[i], companies[j]] = [companies[j]!, companies[i]!];
  }
  const claim = opts.claim ?? claimCompanyTasks;
  for (const [companyId, scriptIds] of companies) {
    try {
      // In slices of CLAIM_SLICE claims, each its own transaction, until a slice is not full (capacity or candidates used up).
      for (let full = true; full; ) {
        const stats = await claim(db, companyId, scriptIds, { ...opts, maxClaims: CLAIM_SLICE });
        result.claimed.push(...stats.claimed);
        result.decided += stats.decided;
        result.deferred += stats.deferred;
        result.intercepted += stats.intercepted;
        full = stats.claimed.length >= CLAIM_SLICE;
      }
    } catch (error) {
      result.failures.push({ companyId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
