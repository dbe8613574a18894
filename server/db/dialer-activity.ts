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
 * The process's listener for the dialer's activity (on the process's one LISTEN connection, notifications.ts). Null for
 * the embedded database (the monitor then refreshes on a timer; the embedded demo is a single process anyway).
 */
export function dialerActivityListener(connectionString: string): { subscribe(fn: (companyId: string) => void): () => void } | null {
  const listener = notificationListener(connectionString);
  return listener && { subscribe: (fn) => listener.subscribe(DIALER_ACTIVITY_CHANNEL, fn) };
}
