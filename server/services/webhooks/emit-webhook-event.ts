import type { PrismaClient } from "@/server/db/create-client";
import type { WebhookEvent } from "@/server/domain/webhooks/webhooks";
import { webhookDeliveryRequested } from "@/server/jobs/events";
import { sendEvents } from "@/server/jobs/send-events";
import { callBody } from "@/server/services/api/v1/endpoints";

/**
 * One event for every active endpoint of the company that subscribed to it: a WebhookDelivery each (unique per endpoint
 * and event id, so emitting twice delivers once), then the delivery job. Sending happens in the job: a receiver that is
 * down never slows the caller.
 */
export async function emitWebhookEvent(db: PrismaClient, companyId: string, event: WebhookEvent, eventId: string, data: unknown, now: Date) {
  const endpoints = await db.webhookEndpoint.findMany({ where: { companyId, active: true, events: { has: event } }, select: { id: true } });
  if (endpoints.length === 0) return 0;
  const payload = { id: eventId, event, occurredAt: now.toISOString(), data };
  const created: string[] = [];
  for (const endpoint of endpoints) {
    const row = await db.webhookDelivery.createManyAndReturn({
      data: [{ companyId, endpointId: endpoint.id, event, eventId, payload: payload as object, nextAttemptAt: now, createdAt: now }],
      skipDuplicates: true,
      select: { id: true },
    });
    created.push(...row.map((r) => r.id));
  }
  if (created.length > 0) await sendEvents(created.map((deliveryId) => webhookDeliveryRequested.create({ deliveryId })));
  return created.length;
}

/** call.ended: the call with its outcome and analysis, in the same shape as GET /api/v1/calls/{id}. */
export async function emitCallEnded(db: PrismaClient, callId: string, now: Date) {
  const call = await db.call.findUnique({ where: { id: callId }, include: { patient: { select: { externalId: true } }, task: { select: { batchId: true } } } });
  if (!call || !call.outcome) return 0;
  return emitWebhookEvent(db, call.companyId, "call.ended", `call.ended:${call.id}`, callBody(call), now);
}
