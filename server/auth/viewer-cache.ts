import type { Tx } from "@/server/db/create-client";
import { NotifiedCache } from "@/server/db/notified-cache";
import type { NotificationListener } from "@/server/db/notifications";
import type { Viewer } from "@/server/domain/auth/permissions";
import { loadViewerRecord } from "@/server/services/auth/load-viewer";

/**
 * The viewer of a session, cached per process for a few seconds (issue 29): every request needs it, and loading it
 * (user, role, permissions, clinics — four statements through Prisma) was a large share of an authenticated request's
 * CPU. Database triggers (migration `viewer_changed_notify`) send `viewer_changed` for every change to a user, their
 * clinics, a role's permissions or a company's clinics, in the writing transaction, so every process drops what
 * changed as soon as it commits — a logout or 强制下线 (`revokeSessions` bumps User.sessionVersion) ends the session on
 * every process at once, as before. The cache's rules (TTL, nothing trusted while the LISTEN connection is down —
 * or on the embedded database, which has none) are NotifiedCache's (server/db/notified-cache.ts).
 */
const TTL_MS = 5_000;

interface Entry {
  /** null: no such user, or deactivated. */
  viewer: Viewer | null;
  sessionVersion: number;
  roleId: string | null;
}

export class ViewerCache {
  private readonly cache: NotifiedCache<Entry>;

  constructor(
    private readonly db: Tx,
    listener: NotificationListener,
    ttlMs = TTL_MS,
  ) {
    this.cache = new NotifiedCache(listener, ttlMs);
    listener.subscribe("viewer_changed", (payload) => this.drop(payload));
  }

  async get(userId: string, sessionVersion: number): Promise<Viewer | null> {
    const entry = await this.cache.get(userId, () => loadViewerRecord(this.db, userId));
    return entry.sessionVersion === sessionVersion ? entry.viewer : null;
  }

  /** Payloads: `u:<userId>`, `r:<roleId>`, `c:<companyId>` (a clinic added or removed), `*`. */
  private drop(payload: string) {
    const [kind, id] = [payload.slice(0, 1), payload.slice(2)];
    if (kind === "u") this.cache.invalidate((userId) => userId === id);
    else if (kind === "r") this.cache.invalidate((_, e) => e.roleId === id);
    else if (kind === "c") this.cache.invalidate((_, e) => e.viewer?.companyId === id);
    else this.cache.invalidate();
  }
}
