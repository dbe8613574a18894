import type { NotificationListener } from "@/server/db/notifications";

/**
 * A per-process cache kept honest by NOTIFY (the viewer, a company's 智能外呼 access): entries live at most `ttlMs`,
 * the owner drops what a notification says changed, and nothing is trusted while the LISTEN connection is down — the
 * TTL only bounds how long a missed notification could matter. A load that started before a notification arrived is
 * not stored (it may have read the old row).
 */
export class NotifiedCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  /** Bumped by every invalidation: a load that started before one must not be stored. */
  private generation = 0;

  constructor(
    private readonly listener: NotificationListener,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {
    listener.onLost(() => this.invalidate());
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.listener.live ? this.entries.get(key) : undefined;
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const generation = this.generation;
    const wasLive = this.listener.live;
    const value = await load();
    if (wasLive && generation === this.generation && this.listener.live) {
      if (this.entries.size > this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, at: now });
    }
    return value;
  }

  /** Drops the entries `match` picks (every entry without one). */
  invalidate(match?: (key: string, value: V) => boolean) {
    this.generation++;
    if (!match) return this.entries.clear();
    for (const [key, e] of this.entries) if (match(key, e.value)) this.entries.delete(key);
  }
}
