import { notificationListener, type Channel } from "./notifications";
import type { Tx } from "./create-client";

/**
 * Dialer activity across app processes (issue 27): every write of the Call-row writer (claims, placements, results,
 * interceptions) sends `pg_notify(DIALER_ACTIVITY_CHANNEL, companyId)` in its own transaction, so it is delivered at
 * commit and only if it commits; each app process keeps one LISTEN connection and wakes the 实时监控 streams of that
 * company, whichever process dialed.
 */
export const DIALER_ACTIVITY_CHANNEL = "dialer_activity" satisfies Channel;

export async function notifyDialerActivity(tx: Tx, companyIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(companyIds)];
  if (ids.length === 0) return;
  await tx.$executeRaw`SELECT pg_notify(${DIALER_ACTIVITY_CHANNEL}, id) FROM unnest(${ids}::text[]) AS id`;
}

/**
 * What a notification says: `activity` — the company's calling changed (the figures); `settings` — what changes slowly
 * did (the company's limits, hold or thresholds, its scripts or clinics: migration `monitor_settings_notify`, payload
 * `s:<companyId>`; its 智能外呼 approval: `viewer_changed` `c:<companyId>`). Company `*` with `settings`: anything may
 * have changed (the LISTEN connection was lost or is back).
 */
export type ActivityKind = "activity" | "settings";
export type ActivityListener = (companyId: string, kind: ActivityKind) => void;

/**
 * The process's listener for the dialer's activity (on the process's one LISTEN connection, notifications.ts). Null for
 * the embedded database (the monitor then refreshes on a timer; the embedded demo is a single process anyway).
 */
export function dialerActivityListener(connectionString: string): { subscribe(fn: ActivityListener): () => void } | null {
  const listener = notificationListener(connectionString);
  return (
    listener && {
      subscribe: (fn) => {
        const offs = [
          listener.subscribe(DIALER_ACTIVITY_CHANNEL, (payload) =>
            payload.startsWith("s:") ? fn(payload.slice(2), "settings") : fn(payload, "activity"),
          ),
          listener.subscribe("viewer_changed", (payload) => {
            if (payload === "*") fn("*", "settings");
            else if (payload.startsWith("c:")) fn(payload.slice(2), "settings");
          }),
          listener.onLost(() => fn("*", "settings")),
        ];
        return () => offs.forEach((off) => off());
      },
    }
  );
}
