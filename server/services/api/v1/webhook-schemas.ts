import { z } from "zod";
import type { WebhookEvent } from "@/server/domain/webhooks/webhooks";
import { callOut } from "./schemas";

const instant = z.string().describe("ISO 8601 instant");

export const followUpTaskCreatedData = z
  .object({
    id: z.string(),
    patientId: z.string(),
    patientExternalId: z.string().nullable(),
    clinicId: z.string(),
    callId: z.string().nullable(),
    reason: z.enum(["complaint", "callback", "transferUnanswered", "discomfort", "appointment"]).nullable(),
    title: z.string(),
    content: z.string().nullable(),
    triggerSentence: z.string().nullable(),
    dueAt: instant,
    executorId: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: "FollowUpTaskCreated" });

export const appointmentRequestData = z
  .object({
    id: z.string(),
    status: z.enum(["pending", "confirmed", "rejected"]),
    patientId: z.string(),
    patientExternalId: z.string().nullable(),
    clinicId: z.string(),
    callId: z.string().nullable(),
    followUpTaskId: z.string().nullable(),
    said: z.string().describe("the time as the patient said it"),
    slotStart: instant.nullable(),
    slotEnd: instant.nullable(),
    item: z.string().nullable(),
    note: z.string().nullable(),
    decidedById: z.string().nullable(),
    decidedAt: instant.nullable(),
    appointment: z.object({ id: z.string(), startsAt: instant, status: z.string(), item: z.string().nullable() }).nullable(),
    createdAt: instant,
  })
  .meta({ id: "AppointmentRequest" });

export const batchFinishedData = z
  .object({
    id: z.string(),
    scriptId: z.string(),
    status: z.enum(["running", "paused", "cancelled"]),
    createdAt: instant,
    finishedAt: instant,
    total: z.number().int(),
    tasks: z.object({ ended: z.number().int(), intercepted: z.number().int(), cancelled: z.number().int(), failed: z.number().int() }),
    answered: z.number().int(),
    calls: z.number().int(),
  })
  .meta({ id: "BatchFinished" });

const alertCommon = { cause: z.string().describe("the alert's cause key: one delivery per cause per hour"), raisedAt: instant };
export const alertRaisedData = z
  .discriminatedUnion("kind", [
    z.object({ ...alertCommon, kind: z.literal("balanceExhausted") }),
    z.object({ ...alertCommon, kind: z.literal("balanceLow"), balance: z.number(), threshold: z.number() }),
    z.object({ ...alertCommon, kind: z.literal("carrierHeld"), code: z.string().nullable() }),
    z.object({ ...alertCommon, kind: z.literal("answerRateLow"), scriptId: z.string(), scriptName: z.string(), answered: z.number().int(), calls: z.number().int(), threshold: z.number() }),
    z.object({ ...alertCommon, kind: z.literal("interceptedShareHigh"), intercepted: z.number().int(), decisions: z.number().int(), threshold: z.number() }),
  ])
  .meta({ id: "AlertRaised" });

/** Each event's `data`: the emitters build it against these types, and the OpenAPI document's `webhooks` shows them. */
export const WEBHOOK_DATA = {
  "call.ended": callOut,
  "follow_up_task.created": followUpTaskCreatedData,
  "appointment_request.created": appointmentRequestData,
  "appointment_request.confirmed": appointmentRequestData,
  "batch.finished": batchFinishedData,
  "alert.raised": alertRaisedData,
} satisfies Record<WebhookEvent, z.ZodType>;

export const WEBHOOK_SUMMARIES: Record<WebhookEvent, string> = {
  "call.ended": "通话结束（含结果与分析）/ A call ended, with its outcome and analysis",
  "follow_up_task.created": "生成随访任务 / A follow-up task was created from a call",
  "appointment_request.created": "预约意向新建 / A patient proposed a time on a call",
  "appointment_request.confirmed": "预约意向确认 / The front desk confirmed it into an appointment",
  "batch.finished": "外呼批次完成 / A call batch has nothing waiting or in a call any more",
  "alert.raised": "实时监控告警 / Calling needs a person: balance, carrier hold, answer rate or interception share",
};
