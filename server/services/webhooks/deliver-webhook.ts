import { createHmac } from "node:crypto";
import type { PrismaClient } from "@/server/db/create-client";
import { nextWebhookAttempt, WEBHOOK_TIMEOUT_MS, webhookSignedText } from "@/server/domain/webhooks/webhooks";
import type { WebhookTransport } from "@/server/ports/webhook";

export function signWebhook(secret: string, timestampSec: number, body: string) {
  return `v1=${createHmac("sha256", secret).update(webhookSignedText(timestampSec, body)).digest("hex")}`;
}

/**
 * One attempt of a due delivery: POST the payload signed with the endpoint's secret; 2xx is delivered, anything else
 * (an HTTP error, a timeout, no answer) is retried with backoff within 24 h, then marked failed. A delivery another
 * worker is sending (claimed by moving nextAttemptAt) or already delivered is left alone.
 */
export async function deliverWebhook(db: PrismaClient, transport: WebhookTransport, deliveryId: string, now: Date, timeoutMs = WEBHOOK_TIMEOUT_MS) {
  // Claim: only a pending, due delivery; the lease stops a second worker for the length of one attempt.
  const lease = new Date(now.getTime() + timeoutMs + 20_000);
  const claimed = await db.webhookDelivery.updateMany({
    where: { id: deliveryId, status: "pending", nextAttemptAt: { lte: now } },
    data: { nextAttemptAt: lease },
  });
  if (claimed.count === 0) return { status: "skipped" as const };
  const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { endpoint: true } });
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers = {
    "content-type": "application/json",
    "user-agent": "zhineng-waihu-webhooks/1",
    "x-zw-event": delivery.event,
    "x-zw-delivery": delivery.id,
    "x-zw-timestamp": String(timestamp),
    "x-zw-signature": signWebhook(delivery.endpoint.secret, timestamp, body),
  };
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = (await transport.post(delivery.endpoint.url, body, headers, timeoutMs)).status;
    if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
  } catch (e) {
    error = e instanceof Error && e.name === "TimeoutError" ? `超时（${timeoutMs / 1000} 秒内无响应）` : `连接失败：${e instanceof Error ? e.message : String(e)}`;
  }
  const latencyMs = Math.round(performance.now() - started);
  const attempts = delivery.attempts + 1;
  if (!error) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "succeeded", attempts, lastStatusCode: statusCode, lastLatencyMs: latencyMs, lastError: null, deliveredAt: now, nextAttemptAt: null },
    });
    return { status: "succeeded" as const };
  }
  const retryFrom = delivery.retryFrom ?? delivery.createdAt;
  const next = nextWebhookAttempt(retryFrom.getTime(), attempts, now.getTime());
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      status: next === null ? "failed" : "pending",
      attempts,
      lastStatusCode: statusCode,
      lastLatencyMs: latencyMs,
      lastError: error.slice(0, 500),
      nextAttemptAt: next === null ? null : new Date(next),
    },
  });
  return { status: next === null ? ("failed" as const) : ("retrying" as const) };
}

/** The retry sweep (every minute): deliveries whose next attempt is due, oldest first, a bounded number per run. */
export async function retryDueWebhooks(db: PrismaClient, transport: WebhookTransport, now: Date, limit = 100, timeoutMs = WEBHOOK_TIMEOUT_MS) {
  const due = await db.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const results = await Promise.all(due.map((d) => deliverWebhook(db, transport, d.id, now, timeoutMs)));
  return { due: due.length, succeeded: results.filter((r) => r.status === "succeeded").length };
}
