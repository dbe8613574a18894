import { signedHeaders } from "../webhook-signature";
import type { WireEvent } from "./wire-format";

/** One pending push of one event; batchable ones leave together with other due batchable ones as a JSON array. */
export interface Delivery {
  id: string;
  carrierCallId: string;
  wire: WireEvent;
  dueAt: number;
  tries: number;
  batchable: boolean;
  inFlight: boolean;
}

export interface OutboxOptions {
  /** One URL, or several: deliveries are spread over them and each retry goes to the next, so a dead instance is skipped. */
  webhookUrl: string | string[];
  secret: string;
  timeScale: number;
  now: () => number;
  fetch: typeof fetch;
  log: (message: string) => void;
}

/** Tencent retries 3 times, Alibaba gives up after 700 ms; we are more patient so a restarting dev server loses nothing. */
export const MAX_TRIES = 8;
const BATCH_MAX = 20;
const POST_TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

/**
 * Backoff after the n-th failed try: 1 s, 2 s, 4 s … up to a minute, about two minutes in all. Real time, not the
 * simulated clock: time compression shortens calls, not the time a busy or restarting server needs to answer again.
 */
export function backoffMs(tries: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (tries - 1));
}

/**
 * Sends what is due: singles as one JSON object, batchable ones as arrays. A 2xx settles a delivery; anything else
 * (error, timeout, 4xx/5xx) retries it with backoff until MAX_TRIES, after which only reconciliation (getCall) finds it.
 */
export async function sendDue(outbox: Delivery[], options: OutboxOptions): Promise<number> {
  const now = options.now();
  const due = outbox.filter((d) => !d.inFlight && d.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
  if (due.length === 0) return 0;
  const groups: Delivery[][] = [];
  const batch = due.filter((d) => d.batchable);
  for (let i = 0; i < batch.length; i += BATCH_MAX) groups.push(batch.slice(i, i + BATCH_MAX));
  for (const d of due) if (!d.batchable) groups.push([d]);
  for (const d of due) d.inFlight = true;
  await Promise.all(groups.map((group) => post(outbox, group, options)));
  return due.length;
}

async function post(outbox: Delivery[], group: Delivery[], options: OutboxOptions) {
  const body = JSON.stringify(group[0]!.batchable ? group.map((d) => d.wire) : group[0]!.wire);
  const urls = Array.isArray(options.webhookUrl) ? options.webhookUrl : [options.webhookUrl];
  const url = urls[(spread(group[0]!.id) + group[0]!.tries) % urls.length]!;
  let ok = false;
  let problem = "";
  try {
    const res = await options.fetch(url, {
      method: "POST",
      headers: signedHeaders(options.secret, body, options.now()),
      body,
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    ok = res.ok;
    if (!ok) problem = `HTTP ${res.status}`;
    await res.body?.cancel().catch(() => undefined);
  } catch (error) {
    problem = (error as Error).message;
  }
  for (const d of group) {
    d.inFlight = false;
    const at = outbox.indexOf(d);
    if (ok) {
      if (at >= 0) outbox.splice(at, 1);
      continue;
    }
    d.tries += 1;
    if (d.tries >= MAX_TRIES) {
      if (at >= 0) outbox.splice(at, 1);
      options.log(`[carrier-sim] gave up delivering ${d.wire.event_id} after ${d.tries} tries (${problem})`);
    } else {
      d.dueAt = options.now() + backoffMs(d.tries);
    }
  }
}

function spread(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h;
}
