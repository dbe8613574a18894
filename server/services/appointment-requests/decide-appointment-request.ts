import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { recreditPatients } from "@/server/services/outcomes/credit-outcomes";
import { queueAppointmentRequestEvent, requestWebhookDeliveries } from "@/server/services/webhooks/emit-webhook-event";

export const confirmAppointmentRequestInput = z.object({
  id: z.string().min(1),
  /** The time the front desk agreed with the patient (defaults to the parsed slot's start). */
  startsAt: z.coerce.date().optional(),
  note: z.string().trim().max(500, "备注不超过500字").optional(),
});
export const rejectAppointmentRequestInput = z.object({
  id: z.string().min(1),
  note: z.string().trim().min(1, "请填写原因").max(500, "备注不超过500字"),
});
export type ConfirmAppointmentRequestInput = z.input<typeof confirmAppointmentRequestInput>;
export type RejectAppointmentRequestInput = z.input<typeof rejectAppointmentRequestInput>;

async function pendingRequest(db: PrismaClient, scope: Scope, id: string) {
  const request = await db.appointmentRequest.findFirst({
    where: { id, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    select: { id: true, status: true, clinicId: true, patientId: true, slotStart: true, item: true, followUpTaskId: true },
  });
  if (!request) throw AppError.notFound("预约意向");
  if (request.status !== "pending") throw new AppError("CONFLICT", "该预约意向已处理");
  return request;
}

/**
 * 确认预约: the one way a proposed time becomes an Appointment (scheduled, the script's project as its item); the
 * request's 回访任务 is completed as 已预约. appointment_request.confirmed is queued in the same transaction.
 */
export async function confirmAppointmentRequest(db: PrismaClient, scope: Scope, viewer: Viewer, raw: ConfirmAppointmentRequestInput, now = new Date()) {
  const input = confirmAppointmentRequestInput.parse(raw);
  const request = await pendingRequest(db, scope, input.id);
  const startsAt = input.startsAt ?? request.slotStart;
  if (!startsAt) throw new AppError("BAD_REQUEST", "请选择预约时间");
  const result = await db.$transaction(async (tx) => {
    const appointment = await tx.appointment.create({
      data: { companyId: scope.companyId, clinicId: request.clinicId, patientId: request.patientId, startsAt, status: "scheduled", item: request.item },
      select: { id: true },
    });
    const claimed = await tx.appointmentRequest.updateMany({
      where: { id: request.id, status: "pending" },
      data: { status: "confirmed", appointmentId: appointment.id, decidedById: viewer.userId, decidedAt: now, note: input.note ?? null },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "该预约意向已处理");
    // 效果分析: the new appointment is credited to its call (the last answered one of the patient) in this transaction.
    await recreditPatients(tx, scope.companyId, [request.patientId]);
    if (request.followUpTaskId) {
      await tx.followUpTask.updateMany({
        where: { id: request.followUpTaskId, status: "pending" },
        data: { status: "done", outcome: "booked", result: "已预约", completedAt: now, openKey: null, executorId: viewer.userId },
      });
    }
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "appointmentRequest.confirm",
      targetType: "appointmentRequest",
      targetId: request.id,
      data: { appointmentId: appointment.id, startsAt: startsAt.toISOString() },
    });
    const deliveryIds = await queueAppointmentRequestEvent(tx, "appointment_request.confirmed", request.id, now);
    return { appointmentId: appointment.id, deliveryIds };
  });
  await requestWebhookDeliveries(result.deliveryIds).catch((error) => console.warn("[confirm-appointment] webhook deliveries not requested (the retry sweep sends them)", error));
  return { appointmentId: result.appointmentId };
}

/** 不预约: the request is closed with the front desk's note; no appointment is made. */
export async function rejectAppointmentRequest(db: PrismaClient, scope: Scope, viewer: Viewer, raw: RejectAppointmentRequestInput, now = new Date()) {
  const input = rejectAppointmentRequestInput.parse(raw);
  const request = await pendingRequest(db, scope, input.id);
  await db.$transaction(async (tx) => {
    await tx.appointmentRequest.update({
      where: { id: request.id },
      data: { status: "rejected", note: input.note, decidedById: viewer.userId, decidedAt: now },
    });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "appointmentRequest.reject",
      targetType: "appointmentRequest",
      targetId: request.id,
      data: { note: input.note },
    });
  });
  return { id: request.id };
}
