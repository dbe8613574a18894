/** Events a company can subscribe a URL to (payloads: docs/api.md §6). */
export const WEBHOOK_EVENTS = ["call.ended", "follow_up_task.created", "appointment_request.created", "appointment_request.confirmed", "batch.finished", "alert.raised"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Deliveries are retried for this long after the event, then given up (重发 starts again). */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;
/** A receiver has this long to answer; a slow one counts as failed and is retried. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000, 2 * 3_600_000, 4 * 3_600_000];

/** The wait after the n-th failed attempt (1-based): 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, then every 4 h. */
export function webhookBackoffMs(failedAttempts: number): number {
  return BACKOFF_MS[Math.min(Math.max(failedAttempts, 1), BACKOFF_MS.length) - 1]!;
}

/**
 * When to try again after a failure, or null to give up: the next attempt must fall within the retry window counted
 * from `startedAt` (the event, or the last 重发).
 */
export function nextWebhookAttempt(startedAtMs: number, failedAttempts: number, nowMs: number): number | null {
  const next = nowMs + webhookBackoffMs(failedAttempts);
  return next - startedAtMs <= WEBHOOK_RETRY_WINDOW_MS ? next : null;
}

/** What the HMAC-SHA256 signs: `<unix seconds>.<raw body>` (the receiver rebuilds it from the header and the body). */
export function webhookSignedText(timestampSec: number, body: string): string {
  return `${timestampSec}.${body}`;
}
