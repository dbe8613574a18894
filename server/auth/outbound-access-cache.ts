import type { Tx } from "@/server/db/create-client";
import type { NotificationListener } from "@/server/db/notifications";
import type { OutboundAccessState } from "@/server/domain/outbound/outbound-access";
import { loadOutboundAccess } from "@/server/services/dialer/outbound/load-outbound-access";

/**
 * Each company's 智能外呼 access (its latest qualification application's status), cached per process for a few seconds
 * (issue 29): every 智能外呼 procedure checks it, one query per request. A trigger (migration
 * `outbound_access_notify`) sends `viewer_changed` `c:<companyId>` when a company's applications change, in the writing
 * transaction, so every process drops the entry at commit — an approval or a revocation counts at once, as before. As
 * for the viewer cache (viewer-cache.ts): nothing is cached while the LISTEN connection is down, and a load that a
 * notification overtook is not stored.
 */
const TTL_MS = 5_000;

export class OutboundAccessCache {
  private readonly entries = new Map<string, { state: OutboundAccessState; at: number }>();
  private generation = 0;

  constructor(
    private readonly db: Tx,
    private readonly listener: NotificationListener,
    private readonly ttlMs = TTL_MS,
  ) {
    listener.subscribe("viewer_changed", (payload) => this.drop(payload));
    listener.onLost(() => this.clear());
  }

  async get(companyId: string): Promise<OutboundAccessState> {
    const now = Date.now();
    const hit = this.listener.live ? this.entries.get(companyId) : undefined;
    if (hit && now - hit.at < this.ttlMs) return hit.state;
    const generation = this.generation;
    const wasLive = this.listener.live;
    const state = await loadOutboundAccess(this.db, companyId);
    if (wasLive && generation === this.generation && this.listener.live) {
      if (this.entries.size > 10_000) this.entries.clear();
      this.entries.set(companyId, { state, at: now });
    }
    return state;
  }

  /** `c:<companyId>` drops that company, `*` everything; a user's or a role's change (`u:`, `r:`) is not about access. */
  private drop(payload: string) {
    const [kind, id] = [payload.slice(0, 1), payload.slice(2)];
    if (kind === "u" || kind === "r") return;
    this.generation++;
    if (kind === "c") this.entries.delete(id);
    else this.entries.clear();
  }

  private clear() {
    this.generation++;
    this.entries.clear();
  }
}
