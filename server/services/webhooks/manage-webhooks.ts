import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { WEBHOOK_EVENTS } from "@/server/domain/webhooks/webhooks";
import { AppError } from "@/server/errors";
import { webhookDeliveryRequested } from "@/server/jobs/events";
import { sendEvents } from "@/server/jobs/send-events";
import type { WebhookRefusal, WebhookTransport } from "@/server/ports/webhook";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";

export const createWebhookInput = z.object({
  url: z
    .string()
    .trim()
    .url("请输入完整的网址，如 https://his.example.com/hooks/waihu")
    .max(500)
    .refine((u) => /^https?:\/\//i.test(u), "网址应以 https:// 或 http:// 开头"),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "请至少选择一个事件"),
});

/**
 * 开放接口 → Webhook: a URL, its events and a signing secret (shown with the endpoint; receivers verify with it). A URL
 * whose host is or resolves to a loopback / private / link-local address is refused (SSRF; the transport checks again
 * at every delivery): the answer names the reason for the page to say in the viewer's language.
 */
export async function createWebhook(
  db: PrismaClient,
  scope: Scope,
  viewer: Viewer,
  raw: z.input<typeof createWebhookInput>,
  transport: Pick<WebhookTransport, "refusal">,
): Promise<{ id: string; refused?: undefined } | { id?: undefined; refused: WebhookRefusal }> {
  const input = createWebhookInput.parse(raw);
  const refused = await transport.refusal(input.url);
  if (refused) return { refused };
  const secret = `whsec_${randomBytes(24).toString("hex")}`;
  const row = await db.webhookEndpoint.create({ data: { companyId: scope.companyId, url: input.url, events: [...new Set(input.events)], secret } });
  await writeAuditLog(db, { companyId: scope.companyId, actorId: viewer.userId, action: "webhook.create", targetType: "WebhookEndpoint", targetId: row.id, data: { url: row.url, events: row.events } });
  return { id: row.id };
}

export async function listWebhooks(db: Tx, scope: Scope) {
  return db.webhookEndpoint.findMany({
    where: { companyId: scope.companyId },
    orderBy: { createdAt: "asc" },
    select: { id: true, url: true, events: true, secret: true, active: true, createdAt: true },
  });
}

export const webhookIdInput = z.object({ id: z.string().min(1) });

export async function deleteWebhook(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof webhookIdInput>) {
  const { id } = webhookIdInput.parse(raw);
  const row = await db.webhookEndpoint.findFirst({ where: { id, companyId: scope.companyId } });
  if (!row) throw AppError.notFound("Webhook");
  await db.webhookEndpoint.delete({ where: { id } });
  await writeAuditLog(db, { companyId: scope.companyId, actorId: viewer.userId, action: "webhook.delete", targetType: "WebhookEndpoint", targetId: id, data: { url: row.url } });
  return { id };
}

/** The delivery log: the latest 100 deliveries of the company (status, response code, latency, attempts). */
export async function listWebhookDeliveries(db: Tx, scope: Scope) {
  return db.webhookDelivery.findMany({
    where: { companyId: scope.companyId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true, event: true, eventId: true, status: true, attempts: true, lastStatusCode: true, lastLatencyMs: true, lastError: true,
      createdAt: true, deliveredAt: true, nextAttemptAt: true, endpoint: { select: { url: true } },
    },
  });
}

/** 重发: deliver the same event again now (a delivered one is sent once more; a failed one gets another 24 h). */
export async function redeliverWebhook(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof webhookIdInput>, now = new Date()) {
  const { id } = webhookIdInput.parse(raw);
  const row = await db.webhookDelivery.findFirst({ where: { id, companyId: scope.companyId } });
  if (!row) throw AppError.notFound("投递记录");
  await db.webhookDelivery.update({ where: { id }, data: { status: "pending", nextAttemptAt: now, retryFrom: now, deliveredAt: null } });
  await writeAuditLog(db, { companyId: scope.companyId, actorId: viewer.userId, action: "webhook.redeliver", targetType: "WebhookDelivery", targetId: id });
  await sendEvents(webhookDeliveryRequested.create({ deliveryId: id }));
  return { id };
}
