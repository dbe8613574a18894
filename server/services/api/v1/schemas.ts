import { z } from "zod";

/**
 * The /api/v1 request and response shapes: the route handlers validate with these and /api/v1/openapi.json is generated
 * from them (openapi.ts), so the document cannot drift from what the code accepts.
 */
const id = z.string().min(1).max(100);
const mobile = z.string().regex(/^1[3-9]\d{9}$/, "手机号应为 11 位中国大陆手机号").meta({ example: "13800138000" });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD").meta({ example: "1990-05-01" });
const instant = z.iso.datetime({ offset: true }).meta({ example: "2026-12-08T10:30:00+08:00" });

export const patientRef = z
  .object({ patientId: id.optional(), patientExternalId: id.optional() })
  .refine((v) => v.patientId || v.patientExternalId, { message: "请提供 patientId 或 patientExternalId", path: ["patientId"] });

export const upsertPatientBody = z
  .object({
    externalId: id.optional().describe("The patient's id in your system; the upsert key when given"),
    mobile,
    name: z.string().trim().min(1).max(50),
    gender: z.enum(["male", "female", "unknown"]).optional(),
    birthday: day.optional(),
    clinicId: id.describe("A clinic id from GET /api/v1/clinics"),
    tags: z.array(z.string().trim().min(1).max(20)).max(50).optional(),
  })
  .meta({ id: "UpsertPatient" });

export const patientOut = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    name: z.string(),
    mobile: z.string().nullable(),
    gender: z.enum(["male", "female", "unknown"]),
    birthday: z.string().nullable(),
    clinicId: z.string(),
    tags: z.array(z.string()),
    created: z.boolean().describe("true when this request created the patient"),
  })
  .meta({ id: "Patient" });

export const upsertAppointmentBody = z
  .object({
    externalId: id,
    patientId: id.optional(),
    patientExternalId: id.optional(),
    clinicId: id,
    startsAt: instant,
    status: z.enum(["scheduled", "arrived", "cancelled", "missed"]).default("scheduled"),
    item: z.string().max(100).optional(),
    doctorName: z.string().max(50).optional(),
  })
  .meta({ id: "UpsertAppointment" });

export const appointmentOut = z
  .object({ id: z.string(), externalId: z.string(), patientId: z.string(), clinicId: z.string(), startsAt: z.string(), status: z.string(), item: z.string().nullable(), doctorName: z.string().nullable(), created: z.boolean() })
  .meta({ id: "Appointment" });

export const upsertVisitBody = z
  .object({ externalId: id, patientId: id.optional(), patientExternalId: id.optional(), clinicId: id, visitedAt: instant, item: z.string().max(100).optional() })
  .meta({ id: "UpsertVisit" });

export const visitOut = z
  .object({ id: z.string(), externalId: z.string(), patientId: z.string(), clinicId: z.string(), visitedAt: z.string(), item: z.string().nullable(), created: z.boolean() })
  .meta({ id: "Visit" });

export const upsertTreatmentDeductionBody = z
  .object({
    externalId: id,
    patientId: id.optional(),
    patientExternalId: id.optional(),
    clinicId: id,
    performedAt: instant,
    item: z.string().trim().min(1).max(100),
    /** 分 (¥0–¥1,000,000). */
    amountCents: z.number().int().min(0).max(100_000_000),
  })
  .meta({ id: "UpsertTreatmentDeduction" });

export const treatmentDeductionOut = z
  .object({ id: z.string(), externalId: z.string(), patientId: z.string(), clinicId: z.string(), performedAt: z.string(), item: z.string(), amountCents: z.number(), created: z.boolean() })
  .meta({ id: "TreatmentDeduction" });

export const dncBody = z.object({ mobile, reason: z.string().max(200).optional() }).meta({ id: "DncEntryInput" });
export const dncOut = z.object({ id: z.string(), mobile: z.string(), reason: z.string().nullable(), createdAt: z.string(), created: z.boolean() }).meta({ id: "DncEntry" });

export const batchCallBody = z
  .object({
    scriptId: id,
    patientIds: z.array(id).max(5000).optional(),
    patientExternalIds: z.array(id).max(5000).optional(),
  })
  .refine((v) => (v.patientIds?.length ?? 0) + (v.patientExternalIds?.length ?? 0) > 0, { message: "请提供 patientIds 或 patientExternalIds", path: ["patientIds"] })
  .meta({ id: "StartBatchCall" });

export const batchCallOut = z
  .object({
    batchId: z.string(),
    queued: z.number().int(),
    failed: z.record(z.string(), z.number().int()).describe("Tasks stored as failed, by reason"),
    alreadyQueued: z.number().int(),
    unknownPatients: z.array(z.string()).describe("patientIds / patientExternalIds that match no patient of the company"),
  })
  .meta({ id: "BatchCall" });

export const listCallsQuery = z.object({
  updatedSince: instant.optional().describe("Only calls changed at or after this instant"),
  cursor: z.string().max(200).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const callOut = z
  .object({
    id: z.string(),
    patientId: z.string(),
    patientExternalId: z.string().nullable(),
    clinicId: z.string(),
    scriptId: z.string(),
    batchId: z.string().nullable(),
    mobile: z.string(),
    attempt: z.number().int(),
    outcome: z.string().nullable().describe("answered, noAnswer, busy, … (null while the call is in progress)"),
    dialedAt: z.string(),
    answeredAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    durationSec: z.number().int(),
    analysis: z.object({
      intent: z.string().nullable(),
      summary: z.string().nullable(),
      callbackRequested: z.boolean(),
      complaint: z.boolean(),
      proposedTime: z.string().nullable(),
      reachedParty: z.string().nullable(),
      status: z.string().nullable(),
    }),
    updatedAt: z.string(),
  })
  .meta({ id: "Call" });

export const callPage = z.object({ items: z.array(callOut), nextCursor: z.string().nullable() }).meta({ id: "CallPage" });
export const clinicOut = z.object({ id: z.string(), name: z.string(), shortName: z.string() }).meta({ id: "Clinic" });
export const clinicList = z.object({ items: z.array(clinicOut) }).meta({ id: "ClinicList" });
