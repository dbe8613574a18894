import type { PrismaClient, Tx } from "@/server/db/create-client";
import type { WebhookEvent } from "@/server/domain/webhooks/webhooks";
import { webhookDeliveryRequested } from "@/server/jobs/events";
import { sendEvents } from "@/server/jobs/send-events";
import { callBody } from "@/server/services/api/v1/endpoints";

/**
 * The outbox of webhooks: one WebhookDelivery per active endpoint of the company that subscribed to the event (unique
 * per endpoint and event id, so queueing twice delivers once). Takes the writer's transaction where there is one: the
 * delivery exists exactly when the write committed. Sending is the job's (requestWebhookDeliveries after the commit;
 * the retry sweep picks up any whose request was lost): a receiver that is down never slows the writer.
 */
export async function queueWebhookEvent(tx: Tx, companyId: string, event: WebhookEvent, eventId: string, data: unknown, now: Date): Promise<string[]> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { companyId, active: true, events: { has: event } }, select: { id: true } });
  if (endpoints.length === 0) return [];
  const payload = { id: eventId, event, occurredAt: now.toISOString(), data } as object;
  const rows = await tx.webhookDelivery.createManyAndReturn({
    data: endpoints.map((endpoint) => ({ companyId, endpointId: endpoint.id, event, eventId, payload, nextAttemptAt: now, createdAt: now })),
    skipDuplicates: true,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** After the commit: the first attempt of each queued delivery, now. */
export async function requestWebhookDeliveries(deliveryIds: readonly string[]) {
  if (deliveryIds.length > 0) await sendEvents(deliveryIds.map((deliveryId) => webhookDeliveryRequested.create({ deliveryId })));
}

/** Queue and request at once, for a caller without a transaction of its own. */
export async function emitWebhookEvent(db: PrismaClient, companyId: string, event: WebhookEvent, eventId: string, data: unknown, now: Date) {
  const ids = await queueWebhookEvent(db, companyId, event, eventId, data, now);
  await requestWebhookDeliveries(ids);
  return ids.length;
}

/** call.ended: the call with its outcome and analysis, in the same shape as GET /api/v1/calls/{id}. */
export async function emitCallEnded(db: PrismaClient, callId: string, now: Date) {
  const call = await db.call.findUnique({ where: { id: callId }, include: { patient: { select: { externalId: true } }, task: { select: { batchId: true } } } });
  if (!call || !call.outcome) return 0;
  return emitWebhookEvent(db, call.companyId, "call.ended", `call.ended:${call.id}`, callBody(call), now);
}

/** follow_up_task.created: a 回访任务 a call asked for (create-follow-ups-from-call.ts), in its transaction. */
export async function queueFollowUpTaskCreated(tx: Tx, taskId: string, now: Date) {
  const t = await tx.followUpTask.findUniqueOrThrow({ where: { id: taskId }, include: { patient: { select: { externalId: true } } } });
  const data = {
    id: t.id,
    patientId: t.patientId,
    patientExternalId: t.patient.externalId,
    clinicId: t.clinicId,
    callId: t.callId,
    reason: t.reason,
    title: t.title,
    content: t.content,
    triggerSentence: t.triggerSentence,
    dueAt: t.dueAt.toISOString(),
    executorId: t.executorId,
    createdAt: t.createdAt.toISOString(),
  };
  return queueWebhookEvent(tx, t.companyId, "follow_up_task.created", `follow_up_task.created:${t.id}`, data, now);
}

/** appointment_request.created / .confirmed: a 预约意向 as it stands (with the appointment once confirmed). */
export async function queueAppointmentRequestEvent(tx: Tx, event: "appointment_request.created" | "appointment_request.confirmed", requestId: string, now: Date) {
  const r = await tx.appointmentRequest.findUniqueOrThrow({ where: { id: requestId }, include: { patient: { select: { externalId: true } } } });
  const appointment = r.appointmentId ? await tx.appointment.findUnique({ where: { id: r.appointmentId }, select: { id: true, startsAt: true, status: true, item: true } }) : null;
  const data = {
    id: r.id,
    status: r.status,
    patientId: r.patientId,
    patientExternalId: r.patient.externalId,
    clinicId: r.clinicId,
    callId: r.callId,
    followUpTaskId: r.followUpTaskId,
    said: r.said,
    slotStart: r.slotStart?.toISOString() ?? null,
    slotEnd: r.slotEnd?.toISOString() ?? null,
    item: r.item,
    note: r.note,
    decidedById: r.decidedById,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    appointment: appointment ? { id: appointment.id, startsAt: appointment.startsAt.toISOString(), status: appointment.status, item: appointment.item } : null,
    createdAt: r.createdAt.toISOString(),
  };
  return queueWebhookEvent(tx, r.companyId, event, `${event}:${r.id}`, data, now);
}
