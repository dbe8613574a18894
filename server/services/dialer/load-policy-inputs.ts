import type { Tx } from "@/server/db/create-client";
import { historySince, type DncLookup, type PastCall, type ScriptCategory } from "@/server/domain/calling-policy";

/** A call without a result for longer than this is not treated as still in progress (reconciliation settles it). */
const IN_PROGRESS_MAX_MS = 2 * 3600_000;

type HistoryRow = { taskId: string; scriptId: string; mobile: string; dialedAt: Date; outcome: string | null; category: ScriptCategory; claim: boolean };

/**
 * The company's calls to these numbers as far back as any rule counts (historySince: the domain's longest window), plus
 * claims not yet placed (they are about to dial), grouped by number — what the frequency caps, carrier interception and
 * "number in a call" rules read. One statement, as loadDialerLoad: a placement committing meanwhile is seen as its claim
 * or as its call, never as neither.
 */
export async function loadCallHistory(tx: Tx, companyId: string, mobiles: readonly string[], now: Date): Promise<Map<string, PastCall[]>> {
  const byMobile = new Map<string, PastCall[]>();
  if (mobiles.length === 0) return byMobile;
  const rows = await tx.$queryRaw<HistoryRow[]>`
    SELECT c."taskId", c."scriptId", c.mobile, c."dialedAt", c.outcome::text AS outcome, s.category::text AS category, false AS claim
    FROM "Call" c JOIN "Script" s ON s.id = c."scriptId"
    WHERE c."companyId" = ${companyId} AND c.mobile = ANY(${[...mobiles]}::text[]) AND c."dialedAt" > ${historySince(now)}
    UNION ALL
    SELECT t.id, t."scriptId", t.mobile, coalesce(t."placingAt", t."claimedAt", ${now}), NULL, s.category::text, true
    FROM "CallTask" t JOIN "Script" s ON s.id = t."scriptId"
    WHERE t."companyId" = ${companyId} AND t.mobile = ANY(${[...mobiles]}::text[]) AND t.status = 'dialing'`;
  for (const row of rows) push(byMobile, row.mobile, toPast(row, now));
  return byMobile;
}

function toPast(row: HistoryRow, now: Date): PastCall {
  return {
    taskId: row.taskId,
    scriptId: row.scriptId,
    category: row.category,
    dialedAt: row.dialedAt,
    answered: row.outcome === "answered",
    inProgress: row.claim || (row.outcome === null && now.getTime() - row.dialedAt.getTime() < IN_PROGRESS_MAX_MS),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type DncLoader = (tx: Tx, companyId: string, mobiles: readonly string[]) => Promise<(mobile: string) => DncLookup>;

type DncRow = { kind: "platform" | "vanityPattern" | "highComplaint" | "optOut"; mobile: string | null; pattern: string | null };

/**
 * Platform entries (exact numbers and vanity patterns) and the company's opt-outs for these numbers. A failing lookup
 * must block the calls rather than let them through, so it is caught behind a savepoint (the claim's transaction goes on)
 * and reported as `{ ok: false }`.
 */
export const loadDnc: DncLoader = async (tx, companyId, mobiles) => {
  await tx.$executeRawUnsafe("SAVEPOINT dnc_lookup");
  try {
    const rows = await tx.$queryRaw<DncRow[]>`
      SELECT kind::text AS kind, mobile, pattern FROM "DncEntry"
      WHERE ("companyId" IS NULL AND (kind = 'vanityPattern' OR mobile = ANY(${[...mobiles]}::text[])))
         OR ("companyId" = ${companyId} AND mobile = ANY(${[...mobiles]}::text[]))`;
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT dnc_lookup");
    const patterns = rows.filter((r) => r.kind === "vanityPattern");
    const byMobile = new Map<string, DncRow[]>();
    for (const r of rows) if (r.mobile) push(byMobile, r.mobile, r);
    return (mobile) => ({ ok: true, entries: [...(byMobile.get(mobile) ?? []), ...patterns] });
  } catch {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT dnc_lookup");
    return () => ({ ok: false });
  }
};
