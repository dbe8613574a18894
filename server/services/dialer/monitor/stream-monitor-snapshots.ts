import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { getMonitorSnapshot, type MonitorSnapshot } from "./get-monitor-snapshot";

export const monitorStreamInput = z.object({
  scriptId: z.string().min(1).optional(),
  /** Sent back by the client when it reconnects (tRPC tracked events): the stream then starts with a fresh snapshot. */
  lastEventId: z.string().nullish(),
});
export type MonitorStreamInput = z.input<typeof monitorStreamInput>;

/** Calls `fn` with the company of every dialer write of any app process; returns the unsubscribe. */
export type DialerActivity = (fn: (companyId: string) => void) => () => void;

/** At most one snapshot per this long, however many dials are notified. */
export const MIN_INTERVAL_MS = 1_000;
/** A snapshot at least this often without notifications (the live durations and the rolling minute move on). */
export const IDLE_INTERVAL_MS = 10_000;
/** Without a LISTEN connection (the embedded database), refresh this often instead. */
export const POLL_INTERVAL_MS = 2_000;

type Shared = { startedAt: number; result: Promise<MonitorSnapshot> };
/** Per database client, the latest snapshot computation of each view (company, clinics, script). */
const sharedByDb = new WeakMap<object, Map<string, Shared>>();

/**
 * One computation serves every stream of the same view in this process: a stream that needs data as of `notBefore` (the
 * notification that woke it) takes a snapshot started at or after that moment if there is one, finished or in flight,
 * and starts one otherwise. N open pages of a company thus cost about one snapshot per change, not N.
 */
function sharedSnapshot(db: Tx, scope: Scope, scriptId: string | undefined, now: () => Date, notBefore: number): Promise<MonitorSnapshot> {
  let views = sharedByDb.get(db);
  if (!views) sharedByDb.set(db, (views = new Map()));
  const key = `${scope.companyId}|${[...scope.clinicIds].sort().join(",")}|${scriptId ?? ""}`;
  const last = views.get(key);
  if (last && last.startedAt >= notBefore) return last.result;
  const entry: Shared = { startedAt: Date.now(), result: getMonitorSnapshot(db, scope, { scriptId }, now()) };
  views.set(key, entry);
  entry.result.catch(() => {
    if (views.get(key) === entry) views.delete(key);
  });
  return entry.result;
}

/**
 * 实时监控's stream: a full snapshot now, then again whenever the company's dialer activity is notified (at most once
 * per MIN_INTERVAL_MS) and at least every IDLE_INTERVAL_MS. Each snapshot is whole, so a client that reconnects loses
 * nothing by starting from the next one. Streams of the same view share their snapshots (sharedSnapshot).
 */
export async function* streamMonitorSnapshots(
  db: Tx,
  scope: Scope,
  raw: MonitorStreamInput,
  opts: { activity: DialerActivity | null; signal?: AbortSignal; clock?: () => Date },
): AsyncGenerator<MonitorSnapshot> {
  const { scriptId } = monitorStreamInput.parse(raw);
  const clock = opts.clock ?? (() => new Date());
  let dirty = false;
  /** When the first notification since the last snapshot arrived: the next snapshot must start after it. */
  let dirtyAt: number | null = null;
  let wake: (() => void) | null = null;
  const unsubscribe = opts.activity?.((companyId) => {
    if (companyId !== scope.companyId) return;
    dirty = true;
    dirtyAt ??= Date.now();
    wake?.();
  });
  const idle = opts.activity ? IDLE_INTERVAL_MS : POLL_INTERVAL_MS;
  const sleep = (ms: number, untilDirty: boolean) =>
    new Promise<void>((resolve) => {
      if (opts.signal?.aborted || (untilDirty && dirty)) return resolve();
      const done = () => {
        clearTimeout(timer);
        wake = null;
        opts.signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (untilDirty) wake = done;
      opts.signal?.addEventListener("abort", done, { once: true });
    });
  try {
    while (!opts.signal?.aborted) {
      const started = Date.now();
      const notBefore = dirtyAt ?? started;
      dirty = false;
      dirtyAt = null;
      yield await sharedSnapshot(db, scope, scriptId, clock, notBefore);
      await sleep(Math.max(0, MIN_INTERVAL_MS - (Date.now() - started)), false);
      await sleep(idle, true);
    }
  } finally {
    unsubscribe?.();
  }
}
