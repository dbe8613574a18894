import { Client } from "pg";

/**
 * The one LISTEN connection of an app process: the dialer's activity for 实时监控 (dialer-activity.ts) and changes to
 * who a user is (viewer-changes.ts) arrive on it. Opened on the first subscriber, reopened after a failure; while it is
 * down, `live` is false and `onLost` subscribers have been told (so a cache fed by it stops trusting itself).
 */
export const LISTEN_CHANNELS = ["dialer_activity", "viewer_changed"] as const;
export type Channel = (typeof LISTEN_CHANNELS)[number];
type Listener = (payload: string) => void;

class NotificationListener {
  private readonly listeners = new Map<Channel, Set<Listener>>();
  private readonly lostListeners = new Set<() => void>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private connectedBefore = false;

  constructor(private readonly connectionString: string) {}

  /** True while notifications are being received: anything sent after a commit from now on will arrive. */
  get live(): boolean {
    return this.client !== null;
  }

  /** Calls `fn` with the payload of every notification on `channel` until the returned function is called. */
  subscribe(channel: Channel, fn: Listener): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(fn);
    void this.ensure();
    return () => set.delete(fn);
  }

  /**
   * Called whenever the connection is lost and again when it is back (notifications sent in between were missed, and a
   * value read while it was down may predate one of them).
   */
  onLost(fn: () => void): () => void {
    this.lostListeners.add(fn);
    return () => this.lostListeners.delete(fn);
  }

  private lost() {
    for (const fn of this.lostListeners) fn();
  }

  private ensure(): Promise<void> {
    if (this.client || this.connecting) return this.connecting ?? Promise.resolve();
    this.connecting = (async () => {
      const client = new Client({ connectionString: this.connectionString, keepAlive: true });
      const drop = () => {
        if (this.client !== client) return;
        this.client = null;
        this.lost();
        void client.end().catch(() => {});
        this.retry ??= setTimeout(() => ((this.retry = null), void this.ensure()), 2_000);
      };
      client.on("error", drop);
      client.on("end", drop);
      client.on("notification", (n) => {
        if (!n.payload) return;
        for (const fn of this.listeners.get(n.channel as Channel) ?? []) fn(n.payload);
      });
      try {
        await client.connect();
        for (const channel of LISTEN_CHANNELS) await client.query(`LISTEN ${channel}`);
        this.client = client;
        if (this.connectedBefore) this.lost();
        this.connectedBefore = true;
      } catch (error) {
        console.warn(`[db] LISTEN failed (${(error as Error).message}); retrying`);
        void client.end().catch(() => {});
        this.retry ??= setTimeout(() => ((this.retry = null), void this.ensure()), 5_000);
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }
}

export type { NotificationListener };

const globalForListener = globalThis as unknown as { dbNotifications?: Map<string, NotificationListener> };

/**
 * The process's listener for a database. Null for the embedded database, whose socket serves one connection at a time
 * (the monitor then refreshes on a timer and viewers are not cached; the embedded demo is a single process anyway).
 */
export function notificationListener(connectionString: string): NotificationListener | null {
  if (connectionString.includes(":54329/")) return null;
  const all = (globalForListener.dbNotifications ??= new Map());
  let l = all.get(connectionString);
  if (!l) all.set(connectionString, (l = new NotificationListener(connectionString)));
  return l;
}
