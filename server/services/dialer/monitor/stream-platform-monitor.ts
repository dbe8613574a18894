import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import { refreshPlatformMonitor, type PlatformMonitor } from "./get-platform-monitor";
import { streamLiveView, type DialerActivity } from "./live-view";

/** Only the last event id a reconnecting client sends back (tRPC tracked events); the stream starts afresh anyway. */
export const platformStreamInput = z.object({ lastEventId: z.string().nullish() }).optional();

/**
 * 平台实时监控's stream: the platform view now, then again when any company's dialer activity is notified (only that
 * company's row is read again; at most once per MIN_INTERVAL_MS) and entirely at least every IDLE_INTERVAL_MS. One loop
 * per process feeds every open platform page (live-view.ts).
 */
export function streamPlatformMonitor(
  db: PrismaClient,
  opts: { activity: DialerActivity | null; signal?: AbortSignal; clock?: () => Date },
): AsyncGenerator<PlatformMonitor> {
  const clock = opts.clock ?? (() => new Date());
  return streamLiveView<PlatformMonitor>(
    db,
    { key: "platform", concerns: () => true, compute: (changed, previous) => refreshPlatformMonitor(db, clock(), changed, previous) },
    opts,
  );
}
