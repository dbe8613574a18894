import { describe, expect, it } from "vitest";
import { nextWebhookAttempt, webhookBackoffMs, webhookSignedText, WEBHOOK_RETRY_WINDOW_MS } from "./webhooks";

describe("webhook retries", () => {
  it("backs off and stops after 24 h", () => {
    expect([1, 2, 3, 7, 20].map(webhookBackoffMs)).toEqual([30_000, 120_000, 600_000, 14_400_000, 14_400_000]);
    expect(nextWebhookAttempt(0, 1, 1_000)).toBe(31_000);
    expect(nextWebhookAttempt(0, 7, WEBHOOK_RETRY_WINDOW_MS - 3_600_000)).toBeNull();
    expect(nextWebhookAttempt(0, 5, WEBHOOK_RETRY_WINDOW_MS - 3_600_000)).toBe(WEBHOOK_RETRY_WINDOW_MS);
  });
  it("signs the timestamp and the raw body", () => {
    expect(webhookSignedText(1765000000, '{"a":1}')).toBe('1765000000.{"a":1}');
  });
});
