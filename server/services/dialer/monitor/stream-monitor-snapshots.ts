import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { getMonitorSnapshot, loadMonitorSettings, type MonitorSettings, type MonitorSnapshot } from "./get-monitor-snapshot";
import { streamLiveView, type DialerActivity } from "./live-view";

export { IDLE_INTERVAL_MS, MIN_INTERVAL_MS, POLL_INTERVAL_MS, type DialerActivity } from "./live-view";

export const monitorStreamInput = z.object({
  scriptId: z.string().min(1).optional(),
  /** Sent back by the client when it reconnects (tRPC tracked events): the stream then starts with a fresh snapshot. */
  lastEventId: z.string().nullish(),
});
export type MonitorStreamInput = z.input<typeof monitorStreamInput>;

/**
 * A snapshot read in one read-only transaction: one commit instead of one per statement, and every figure as of the
 * same moment (a placement committing between two statements can no longer be counted by one and not the other).
 * `settings`: the slow-moving part kept from an earlier snapshot and still current; read in the transaction when absent.
 * Returns the snapshot and the settings it used.
 */
export function readMonitorSnapshot(
  db: PrismaClient,
  scope: Scope,
  scriptId: string | undefined,
  now: Date,
  settings?: MonitorSettings,
): Promise<{ snapshot: MonitorSnapshot; settings: MonitorSettings }> {
  return db.$transaction(
    async (tx) => {
      const used = settings ?? (await loadMonitorSettings(tx, scope, { scriptId }));
      return { snapshot: await getMonitorSnapshot(tx, scope, { scriptId }, now, used), settings: used };
    },
    { isolationLevel: "RepeatableRead", timeout: 30_000 },
  );
}

/**
 * 实时监控's stream: a full snapshot now, then again whenever the company's dialer activity is notified (at most once
 * per MIN_INTERVAL_MS) and at least every IDLE_INTERVAL_MS. Each snapshot is whole, so a client that reconnects loses
 * nothing by starting from the next one. Every stream of the same view (company, clinics, script) in this process is
 * fed by one loop (live-view.ts): one snapshot per interval of activity however many pages are open. The loop keeps
 * what changes slowly (company settings, approval, scripts, clinics: loadMonitorSettings) from one snapshot to the next
 * and reads it again only when the view must read everything (a `settings` notification, an idle refresh, no LISTEN).
 */
export function streamMonitorSnapshots(
  db: PrismaClient,
  scope: Scope,
  raw: MonitorStreamInput,
  opts: { activity: DialerActivity | null; signal?: AbortSignal; clock?: () => Date },
): AsyncGenerator<MonitorSnapshot> {
  const { scriptId } = monitorStreamInput.parse(raw);
  const clock = opts.clock ?? (() => new Date());
  let kept: MonitorSettings | undefined;
  return streamLiveView<MonitorSnapshot>(
    db,
    {
      key: `company|${scope.companyId}|${[...scope.clinicIds].sort().join(",")}|${scriptId ?? ""}`,
      concerns: (companyId) => companyId === scope.companyId,
      compute: async (changed) => {
        if (changed === null) kept = undefined;
        const { snapshot, settings } = await readMonitorSnapshot(db, scope, scriptId, clock(), kept);
        kept = settings;
        return snapshot;
      },
    },
    opts,
  );
}
