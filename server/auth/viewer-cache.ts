import type { Tx } from "@/server/db/create-client";
import type { NotificationListener } from "@/server/db/notifications";
import type { Viewer } from "@/server/domain/auth/permissions";
import { loadViewerRecord } from "@/server/services/auth/load-viewer";

/**
 * The viewer of a session, cached per process for a few seconds (issue 29): every request needs it, and loading it
 * (user, role, permissions, clinics — four statements through Prisma) was a large share of an authenticated request's
 * CPU. Database triggers (migration `viewer_changed_notify`) send `viewer_changed` for every change to a user, their
 * clinics, a role's permissions or a company's clinics, in the writing transaction, so every process drops what
 * changed as soon as it commits — a logout or 强制下线 (`revokeSessions` bumps User.sessionVersion) ends the session on
 * every process at once, as before. The TTL only bounds how long a missed notification could matter; nothing is cached
 * while the LISTEN connection is down (or on the embedded database, which has none).
 */
const TTL_MS = 5_000;

interface Entry {
  /** null: no such user, or deactivated. */
  viewer: Viewer | null;
  sessionVersion: number;
  roleId: string | null;
  at: number;
}

export class ViewerCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every notification: a load that started before one must not be stored (it may have read the old row). */
  private generation = 0;

  constructor(
    private readonly db: Tx,
    private readonly listener: NotificationListener,
    private readonly ttlMs = TTL_MS,
  ) {
    listener.subscribe("viewer_changed", (payload) => this.drop(payload));
    listener.onLost(() => this.clear());
  }

  async get(userId: string, sessionVersion: number): Promise<Viewer | null> {
    const now = Date.now();
    const hit = this.listener.live ? this.entries.get(userId) : undefined;
    if (hit && now - hit.at < this.ttlMs) return hit.sessionVersion === sessionVersion ? hit.viewer : null;
    // Stored only when the connection was live throughout and no notification arrived meanwhile (the load may have read
    // a row that changed under it).
    const generation = this.generation;
    const wasLive = this.listener.live;
    const loaded = await loadViewerRecord(this.db, userId);
    if (wasLive && generation === this.generation && this.listener.live) {
      if (this.entries.size > 10_000) this.entries.clear();
      this.entries.set(userId, { ...loaded, at: now });
    }
    return loaded.sessionVersion === sessionVersion ? loaded.viewer : null;
  }

  /** Payloads: `u:<userId>`, `r:<roleId>`, `c:<companyId>` (a clinic added or removed), `*`. */
  private drop(payload: string) {
    this.generation++;
    const [kind, id] = [payload.slice(0, 1), payload.slice(2)];
    if (kind === "u") this.entries.delete(id);
    else if (kind === "r") this.dropWhere((e) => e.roleId === id);
    else if (kind === "c") this.dropWhere((e) => e.viewer?.companyId === id);
    else this.clear();
  }

  private dropWhere(match: (e: Entry) => boolean) {
    for (const [key, e] of this.entries) if (match(e)) this.entries.delete(key);
  }

  private clear() {
    this.generation++;
    this.entries.clear();
  }
}

