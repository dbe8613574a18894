import type { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { startBatchCall } from "@/server/services/dialer/batch/start-batch-call";
import { assertOutboundEnabled } from "@/server/services/dialer/outbound/load-outbound-access";
import { recreditPatients } from "@/server/services/outcomes/credit-outcomes";
import { decodeCursor, encodeCursor } from "@/server/domain/api/problem";
import { ApiProblem, apiProblemOf } from "../api-problem";
import { notFound, requireClinic, resolvePatient, type ApiContext } from "./context";
import type { batchCallBody, dncBody, listCallsQuery, upsertAppointmentBody, upsertPatientBody, upsertTreatmentDeductionBody, upsertVisitBody } from "./schemas";

const audit = (ctx: ApiContext, action: string, targetType: string, targetId: string, data: object) =>
  writeAuditLog(ctx.db, { companyId: ctx.caller.companyId, actorId: null, action, targetType, targetId, data: { apiKeyId: ctx.caller.apiKeyId, ...data } });

const dayOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * A booking-side row upserted by externalId (appointment, visit, deduction): the row and the 效果分析 credits of its
 * patient — and of the previous patient when an update moved it — in one transaction (docs/outcomes.md), then audited
 * as `api.<kind>.create` / `.update`.
 */
async function upsertCredited<R extends { id: string }>(
  ctx: ApiContext,
  target: { kind: string; type: string; externalId: string; patientId: string },
  existing: { patientId: string } | null,
  write: (tx: Tx) => Promise<R>,
): Promise<R> {
  const row = await ctx.db.$transaction(async (tx) => {
    const written = await write(tx);
    await recreditPatients(tx, ctx.caller.companyId, [target.patientId, ...(existing ? [existing.patientId] : [])]);
    return written;
  });
  await audit(ctx, `api.${target.kind}.${existing ? "update" : "create"}`, target.type, row.id, { externalId: target.externalId });
  return row;
}

/** POST /api/v1/patients: upsert by externalId when given, else by mobile (the company's oldest patient with it). */
export async function upsertPatient(ctx: ApiContext, body: z.output<typeof upsertPatientBody>) {
  const companyId = ctx.caller.companyId;
  const clinicId = await requireClinic(ctx, body.clinicId);
  const existing =
    (body.externalId ? await ctx.db.patient.findFirst({ where: { companyId, externalId: body.externalId } }) : null) ??
    (await ctx.db.patient.findFirst({
      where: { companyId, mobile: body.mobile, ...(body.externalId ? { externalId: null } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }));
  const data = {
    name: body.name,
    mobile: body.mobile,
    clinicId,
    ...(body.gender ? { gender: body.gender } : {}),
    ...(body.birthday ? { birthday: new Date(`${body.birthday}T00:00:00Z`) } : {}),
    ...(body.tags ? { tags: body.tags } : {}),
    ...(body.externalId ? { externalId: body.externalId } : {}),
  };
  const patient = existing
    ? await ctx.db.patient.update({ where: { id: existing.id }, data })
    : await ctx.db.patient.create({ data: { ...data, companyId } });
  await audit(ctx, existing ? "api.patient.update" : "api.patient.create", "Patient", patient.id, { externalId: body.externalId ?? null });
  return {
    status: existing ? 200 : 201,
    body: { id: patient.id, externalId: patient.externalId, name: patient.name, mobile: patient.mobile, gender: patient.gender, birthday: dayOf(patient.birthday), clinicId: patient.clinicId, tags: patient.tags, created: !existing },
  };
}

/** POST /api/v1/appointments: upsert by externalId (feeds 预约 of the funnel). */
export async function upsertAppointment(ctx: ApiContext, body: z.output<typeof upsertAppointmentBody>) {
  const companyId = ctx.caller.companyId;
  const [clinicId, patientId] = await Promise.all([requireClinic(ctx, body.clinicId), resolvePatient(ctx, body)]);
  const existing = await ctx.db.appointment.findUnique({ where: { companyId_externalId: { companyId, externalId: body.externalId } } });
  const data = { clinicId, patientId, startsAt: new Date(body.startsAt), status: body.status, item: body.item ?? null, doctorName: body.doctorName ?? null };
  const row = await upsertCredited(ctx, { kind: "appointment", type: "Appointment", externalId: body.externalId, patientId }, existing, (tx) =>
    existing ? tx.appointment.update({ where: { id: existing.id }, data }) : tx.appointment.create({ data: { ...data, companyId, externalId: body.externalId } }),
  );
  return {
    status: existing ? 200 : 201,
    body: { id: row.id, externalId: body.externalId, patientId, clinicId, startsAt: row.startsAt.toISOString(), status: row.status, item: row.item, doctorName: row.doctorName, created: !existing },
  };
}

/** POST /api/v1/visits: upsert by externalId (feeds 到诊 of the funnel). */
export async function upsertVisit(ctx: ApiContext, body: z.output<typeof upsertVisitBody>) {
  const companyId = ctx.caller.companyId;
  const [clinicId, patientId] = await Promise.all([requireClinic(ctx, body.clinicId), resolvePatient(ctx, body)]);
  const existing = await ctx.db.visit.findUnique({ where: { companyId_externalId: { companyId, externalId: body.externalId } } });
  const data = { clinicId, patientId, visitedAt: new Date(body.visitedAt), item: body.item ?? null };
  const row = await upsertCredited(ctx, { kind: "visit", type: "Visit", externalId: body.externalId, patientId }, existing, (tx) =>
    existing ? tx.visit.update({ where: { id: existing.id }, data }) : tx.visit.create({ data: { ...data, companyId, externalId: body.externalId } }),
  );
  return { status: existing ? 200 : 201, body: { id: row.id, externalId: body.externalId, patientId, clinicId, visitedAt: row.visitedAt.toISOString(), item: row.item, created: !existing } };
}

/** POST /api/v1/treatment-deductions: upsert a 消费 (划扣) by externalId (feeds 消费 of the funnel through its visit). */
export async function upsertTreatmentDeduction(ctx: ApiContext, body: z.output<typeof upsertTreatmentDeductionBody>) {
  const companyId = ctx.caller.companyId;
  const [clinicId, patientId] = await Promise.all([requireClinic(ctx, body.clinicId), resolvePatient(ctx, body)]);
  const existing = await ctx.db.treatmentDeduction.findUnique({ where: { companyId_externalId: { companyId, externalId: body.externalId } } });
  const data = { clinicId, patientId, performedAt: new Date(body.performedAt), item: body.item, amountCents: body.amountCents };
  const row = await upsertCredited(ctx, { kind: "treatmentDeduction", type: "TreatmentDeduction", externalId: body.externalId, patientId }, existing, (tx) =>
    existing
      ? tx.treatmentDeduction.update({ where: { id: existing.id }, data })
      : tx.treatmentDeduction.create({ data: { ...data, companyId, externalId: body.externalId } }),
  );
  return {
    status: existing ? 200 : 201,
    body: { id: row.id, externalId: body.externalId, patientId, clinicId, performedAt: row.performedAt.toISOString(), item: row.item, amountCents: row.amountCents, created: !existing },
  };
}

/** POST /api/v1/dnc-entries: the company's own opt-out list (source api); an entry already there is returned as is. */
export async function addDncEntry(ctx: ApiContext, body: z.output<typeof dncBody>) {
  const companyId = ctx.caller.companyId;
  const existing = await ctx.db.dncEntry.findFirst({ where: { companyId, kind: "optOut", mobile: body.mobile } });
  const row = existing ?? (await ctx.db.dncEntry.create({ data: { companyId, kind: "optOut", mobile: body.mobile, reason: body.reason ?? null, source: "api" } }));
  if (!existing) await audit(ctx, "api.dnc.add", "DncEntry", row.id, {});
  return { status: existing ? 200 : 201, body: { id: row.id, mobile: row.mobile!, reason: row.reason, createdAt: row.createdAt.toISOString(), created: !existing } };
}

/** POST /api/v1/batch-calls: the same 开始呼叫 as 患者管理 → 批量处理, on behalf of the admin who created the key. */
export async function startApiBatchCall(ctx: ApiContext, body: z.output<typeof batchCallBody>) {
  const companyId = ctx.caller.companyId;
  if (!ctx.caller.createdById) {
    throw new ApiProblem("forbidden", { "zh-CN": "创建该密钥的管理员已不存在，请重新创建密钥", en: "The admin who created this key no longer exists; create a new key." });
  }
  const creator = await ctx.db.user.findFirst({ where: { id: ctx.caller.createdById, companyId, active: true }, select: { id: true, name: true } });
  if (!creator) throw new ApiProblem("forbidden", { "zh-CN": "创建该密钥的管理员已停用，请重新创建密钥", en: "The admin who created this key is deactivated; create a new key." });
  const found = await ctx.db.patient.findMany({
    where: { companyId, OR: [{ id: { in: body.patientIds ?? [] } }, { externalId: { in: body.patientExternalIds ?? [] } }] },
    select: { id: true, externalId: true },
  });
  const unknownPatients = [
    ...(body.patientIds ?? []).filter((id) => !found.some((p) => p.id === id)),
    ...(body.patientExternalIds ?? []).filter((x) => !found.some((p) => p.externalId === x)),
  ];
  if (found.length === 0) throw notFound("患者", "Patient");
  const clinics = await ctx.db.clinic.findMany({ where: { companyId }, select: { id: true } });
  const scope = { companyId, clinicIds: clinics.map((c) => c.id) };
  try {
    await assertOutboundEnabled(ctx.db, companyId);
    const viewer = { userId: creator.id, name: creator.name, companyId, roleKey: null, roleName: null, isPlatformAdmin: false, clinicIds: scope.clinicIds, permissions: new Set<never>() };
    const result = await startBatchCall(ctx.db, scope, viewer, { scriptId: body.scriptId, patientIds: [...new Set(found.map((p) => p.id))] }, ctx.now);
    await audit(ctx, "api.batch.start", "CallBatch", result.batchId, { scriptId: body.scriptId, queued: result.queued });
    return { status: 201, body: { ...result, failed: result.failed as Record<string, number>, unknownPatients } };
  } catch (error) {
    if (error instanceof AppError) throw apiProblemOf(error);
    throw error;
  }
}

/** GET /api/v1/calls: the company's calls with their analysis, oldest change first, cursor-paginated. */
export async function listCalls(ctx: ApiContext, query: z.output<typeof listCallsQuery>) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw new ApiProblem("badRequest", { "zh-CN": "cursor 无效", en: "Invalid cursor." });
  const rows = await ctx.db.call.findMany({
    where: {
      companyId: ctx.caller.companyId,
      ...(query.updatedSince ? { updatedAt: { gte: new Date(query.updatedSince) } } : {}),
      ...(cursor
        ? { OR: [{ updatedAt: { gt: new Date(cursor.updatedAt) } }, { updatedAt: new Date(cursor.updatedAt), id: { gt: cursor.id } }] }
        : {}),
    },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    include: { patient: { select: { externalId: true } }, task: { select: { batchId: true } } },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    status: 200,
    body: { items: page.map(callBody), nextCursor: rows.length > query.limit && last ? encodeCursor(last.updatedAt.toISOString(), last.id) : null },
  };
}

export async function getCall(ctx: ApiContext, id: string) {
  const row = await ctx.db.call.findFirst({
    where: { id, companyId: ctx.caller.companyId },
    include: { patient: { select: { externalId: true } }, task: { select: { batchId: true } } },
  });
  if (!row) throw notFound("通话", "Call");
  return { status: 200, body: callBody(row) };
}

type CallRow = NonNullable<Awaited<ReturnType<ApiContext["db"]["call"]["findFirst"]>>> & { patient: { externalId: string | null }; task: { batchId: string | null } };

export function callBody(c: CallRow) {
  return {
    id: c.id,
    patientId: c.patientId,
    patientExternalId: c.patient.externalId,
    clinicId: c.clinicId,
    scriptId: c.scriptId,
    batchId: c.task.batchId,
    mobile: c.mobile,
    attempt: c.attempt,
    outcome: c.outcome,
    dialedAt: c.dialedAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    durationSec: c.durationSec,
    analysis: {
      intent: c.intent,
      summary: c.summary,
      callbackRequested: c.callbackRequested,
      complaint: c.complaint,
      proposedTime: c.proposedTime,
      reachedParty: c.reachedParty,
      status: c.analysisStatus,
    },
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function listClinics(ctx: ApiContext) {
  const items = await ctx.db.clinic.findMany({ where: { companyId: ctx.caller.companyId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, shortName: true } });
  return { status: 200, body: { items } };
}
