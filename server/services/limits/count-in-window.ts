import type { Tx } from "@/server/db/create-client";
import { rateWindowStart } from "@/server/domain/api/problem";

export interface WindowCount {
  /** Requests under the key in the current minute, this one included. */
  count: number;
  /** Seconds until the current minute's window ends. */
  retryAfterSec: number;
}

/**
 * The one rate-limit mechanism: counts a request under `key` in its fixed one-minute window, in PostgreSQL so every app
 * process shares the count (one upsert). Windows older than the previous minute are of no use; the first request of a
 * key in a new window removes them.
 */
export async function countInWindow(db: Tx, key: string, now: Date): Promise<WindowCount> {
  const windowStart = new Date(rateWindowStart(now.getTime()));
  const [counted] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateWindow" (key, "windowStart", count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateWindow".count + 1
    RETURNING count`;
  const count = counted?.count ?? 1;
  if (count === 1) await db.rateWindow.deleteMany({ where: { key, windowStart: { lt: new Date(windowStart.getTime() - 60_000) } } });
  return { count, retryAfterSec: Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000)) };
}
