import { Client } from "pg";
import type { Tx } from "./create-client";

/**
 * Dialer activity across app processes (issue 27): every write of the Call-row writer (claims, placements, results,
 * interceptions) sends `pg_notify(DIALER_ACTIVITY_CHANNEL, companyId)` in its own transaction, so it is delivered at
 * commit and only if it commits; each app process keeps one LISTEN connection and wakes the 实时监控 streams of that
 * company, whichever process dialed.
 */
export const DIALER_ACTIVITY_CHANNEL = "dialer_activity";

export async function notifyDialerActivity(tx: Tx, companyIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(companyIds)];
  if (ids.length === 0) return;
  await tx.$executeRaw`SELECT pg_notify(${DIALER_ACTIVITY_CHANNEL}, id) FROM unnest(${ids}::text[]) AS id`;
}

type Listener = (companyId: string) => void;

/** One LISTEN connection per process, opened on the first subscriber and reopened after a failure. */
class ActivityListener {
  private readonly listeners = new Set<Listener>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly connectionString: string) {}

  /** Calls `fn` with the company of every notification until the returned function is called. */
  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    void this.ensure();
    return () => this.listeners.delete(fn);
  }

  private ensure(): Promise<void> {
    if (this.client || this.connecting) return this.connecting ?? Promise.resolve();
    this.connecting = (async () => {
      const client = new Client({ connectionString: this.connectionString, keepAlive: true });
      const drop = () => {
        if (this.client !== client) return;
        this.client = null;
        void client.end().catch(() => {});
        this.retry ??= setTimeout(() => ((this.retry = null), void this.ensure()), 2_000);
      };
      client.on("error", drop);
      client.on("end", drop);
      client.on("notification", (n) => {
        if (n.channel !== DIALER_ACTIVITY_CHANNEL || !n.payload) return;
        for (const fn of this.listeners) fn(n.payload);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${DIALER_ACTIVITY_CHANNEL}`);
        this.client = client;
      } catch (error) {
        console.warn(`[monitor] LISTEN failed (${(error as Error).message}); retrying`);
        void client.end().catch(() => {});
        this.retry ??= setTimeout(() => ((this.retry = null), void this.ensure()), 5_000);
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }
}

const globalForListener = globalThis as unknown as { dialerActivity?: Map<string, ActivityListener> };

/**
 * The process's listener for a database. Null for the embedded database, whose socket serves one connection at a time
 * (the monitor then refreshes on a timer; the embedded demo is a single process anyway).
 */
export function dialerActivityListener(connectionString: string): ActivityListener | null {
  if (connectionString.includes(":54329/")) return null;
  const all = (globalForListener.dialerActivity ??= new Map());
  let l = all.get(connectionString);
  if (!l) all.set(connectionString, (l = new ActivityListener(connectionString)));
  return l;
}
