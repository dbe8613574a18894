import type { Tx } from "@/server/db/create-client";
import { NotifiedCache } from "@/server/db/notified-cache";
import type { NotificationListener } from "@/server/db/notifications";
import type { OutboundAccessState } from "@/server/domain/outbound/outbound-access";
import { loadOutboundAccess } from "@/server/services/dialer/outbound/load-outbound-access";

/**
 * Each company's 智能外呼 access (its latest qualification application's status), cached per process for a few seconds
 * (issue 29): every 智能外呼 procedure checks it, one query per request. A trigger (migration
 * `outbound_access_notify`) sends `viewer_changed` `c:<companyId>` when a company's applications change, in the writing
 * transaction, so every process drops the entry at commit — an approval or a revocation counts at once, as before. The
 * cache's rules are NotifiedCache's (server/db/notified-cache.ts).
 */
const TTL_MS = 5_000;

export class OutboundAccessCache {
  private readonly cache: NotifiedCache<OutboundAccessState>;

  constructor(
    private readonly db: Tx,
    listener: NotificationListener,
    ttlMs = TTL_MS,
  ) {
    this.cache = new NotifiedCache(listener, ttlMs);
    listener.subscribe("viewer_changed", (payload) => this.drop(payload));
  }

  get(companyId: string): Promise<OutboundAccessState> {
    return this.cache.get(companyId, () => loadOutboundAccess(this.db, companyId));
  }

  /** `c:<companyId>` drops that company, `*` everything; a user's or a role's change (`u:`, `r:`) is not about access. */
  private drop(payload: string) {
    const [kind, id] = [payload.slice(0, 1), payload.slice(2)];
    if (kind === "u" || kind === "r") return;
    this.cache.invalidate(kind === "c" ? (companyId) => companyId === id : undefined);
  }
}
