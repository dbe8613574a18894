/**
 * Which 话单记录 filters (per company and clinic scope) counted past the cap a moment ago, per process (issue 29). The
 * capped count of a big list reads 10 001 index entries on every page request; while it stays past the cap the answer
 * is the same 「10000+」, so for TTL_MS it is not counted again. Only totals past the cap are remembered: an exact total
 * (≤ 10 000) is always counted. A set past the cap only shrinks under it when calls leave the filter (an intent
 * corrected, a patient deleted), and then 「10000+」 shows for at most TTL_MS longer.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 5_000;

export class CappedTotalCache {
  private readonly until = new Map<string, number>();

  constructor(private readonly ttlMs = TTL_MS) {}

  /** The cache key: the company, the clinics the caller is limited to (none = all) and the filters, not the page. */
  static key(companyId: string, clinicIds: readonly string[] | undefined, filters: Record<string, unknown>): string {
    const { page: _page, pageSize: _pageSize, ...rest } = filters;
    const fields = Object.keys(rest).filter((k) => rest[k] !== undefined).sort().map((k) => [k, rest[k]]);
    return JSON.stringify([companyId, clinicIds ? [...clinicIds].sort() : null, fields]);
  }

  isCapped(key: string, now = Date.now()): boolean {
    const until = this.until.get(key);
    if (until === undefined) return false;
    if (until > now) return true;
    this.until.delete(key);
    return false;
  }

  /** Forget everything (a bench measuring the count statement itself). */
  clear() {
    this.until.clear();
  }

  rememberCapped(key: string, now = Date.now()) {
    if (this.until.size >= MAX_ENTRIES) this.until.clear();
    this.until.set(key, now + this.ttlMs);
  }
}

export const cappedTotals = new CappedTotalCache();
