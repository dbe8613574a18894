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

/**
 * 实时监控's stream: a full snapshot now, then again whenever the company's dialer activity is notified (at most once
 * per MIN_INTERVAL_MS) and at least every IDLE_INTERVAL_MS. Each snapshot is whole, so a client that reconnects loses
 * nothing by starting from the next one.
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
  let wake: (() => void) | null = null;
  const unsubscribe = opts.activity?.((companyId) => {
    if (companyId !== scope.companyId) return;
    dirty = true;
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
      dirty = false;
      const started = Date.now();
      yield await getMonitorSnapshot(db, scope, { scriptId }, clock());
      await sleep(Math.max(0, MIN_INTERVAL_MS - (Date.now() - started)), false);
      await sleep(idle, true);
    }
  } finally {
    unsubscribe?.();
  }
}
