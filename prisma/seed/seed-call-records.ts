/**
 * Test and demo fixture: inserts realistic call history (CallTask, Call, Recording rows and the recordings' mp3 files)
 * directly, without the dial engine, so the 话单记录 pages, the timeline and their tests have data. Used by integration
 * and e2e tests; never by the product itself.
 */
import { PRODUCT_LIMITS } from "../../server/domain/calling-policy";
import { MARKETING_INTENTS } from "../../server/domain/templates/intents";
import type { ObjectStorage } from "../../server/ports/storage";
import type { Prisma } from "../../server/generated/prisma/client";
import { recountCallTotals } from "../../server/services/metrics/recount-call-totals";
import { recreditPatients } from "../../server/services/outcomes/credit-outcomes";
import { insertChunked, type SeedDb } from "./db";
import { newId } from "./ids";
import { planCallRecords, type CallFixturePatient, type PlanCallRecordsOptions, type PlannedCall } from "./plan-call-records";

export interface SeedCallRecordsOptions extends Pick<PlanCallRecordsOptions, "days" | "pendingRate" | "interceptedRate" | "failedRate"> {
  companyId: string;
  now: Date;
  /** A new script of this name is created (unique per company). */
  scriptName: string;
  /** Patients to call; default: `patientCount` patients with a mobile from the company's opened clinics. */
  patientIds?: string[];
  patientCount?: number;
  createdById?: string | null;
  /** Stores an mp3 per answered call; without it Recording rows are not created. */
  audio?: { storage: ObjectStorage; synthesize: (text: string) => Promise<Uint8Array> };
}

export interface SeedCallRecordsResult {
  scriptId: string;
  taskIds: string[];
  callIds: string[];
  answeredCallIds: string[];
}

export async function seedCallRecords(db: SeedDb, opts: SeedCallRecordsOptions): Promise<SeedCallRecordsResult> {
  const clinics = await db.clinic.findMany({ where: { companyId: opts.companyId }, select: { id: true, shortName: true, outboundOpenedAt: true } });
  const patients: CallFixturePatient[] = await db.patient.findMany({
    where: opts.patientIds
      ? { companyId: opts.companyId, id: { in: opts.patientIds } }
      : { companyId: opts.companyId, mobile: { not: null }, clinicId: { in: clinics.filter((c) => c.outboundOpenedAt).map((c) => c.id) } },
    select: { id: true, clinicId: true, name: true, mobile: true, hasOwnMobile: true, consultantId: true, onlineConsultantId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    ...(opts.patientIds ? {} : { take: opts.patientCount ?? 40 }),
  });
  const shortName = new Map(clinics.map((c) => [c.id, c.shortName]));
  const scriptId = await createFixtureScript(db, opts.companyId, opts.scriptName, clinics.map((c) => c.id), opts.now, opts.createdById ?? null);

  const plan = planCallRecords({ ...opts, key: `${opts.companyId}:${opts.scriptName}`, patients, clinicShortName: (id) => shortName.get(id) ?? "" });
  const tasks = plan.map((t) => ({ ...t, id: newId(), calls: t.calls.map((c) => ({ ...c, id: newId() })) }));
  await insertChunked(tasks, (chunk) =>
    db.callTask.createMany({
      data: chunk.map((t) => {
        const last = t.calls[t.calls.length - 1];
        return {
          id: t.id,
          companyId: opts.companyId,
          clinicId: t.patient.clinicId,
          scriptId,
          patientId: t.patient.id,
          mobile: t.patient.mobile,
          source: "batch" as const,
          status: t.status,
          reason: t.reason,
          attempt: t.calls.length,
          maxAttempts: PRODUCT_LIMITS.redialMaxAttempts,
          nextAttemptAt: t.createdAt,
          lastOutcome: last?.outcome ?? null,
          intent: last?.intent ?? null,
          createdById: opts.createdById ?? null,
          createdAt: t.createdAt,
          finishedAt: last?.endedAt ?? (t.status === "pending" ? null : t.createdAt),
        };
      }),
    }),
  );
  const calls = tasks.flatMap((t) => t.calls.map((c) => ({ task: t, call: c })));
  await insertCallRows(
    db,
    calls.map(({ task, call }) => ({
      id: call.id,
      companyId: opts.companyId,
      clinicId: task.patient.clinicId,
      scriptId,
      taskId: task.id,
      patientId: task.patient.id,
      mobile: task.patient.mobile as string,
      attempt: call.attempt,
      carrierCallId: `fixture-${call.id}`,
      outcome: call.outcome,
      dialedAt: call.dialedAt,
      answeredAt: call.answeredAt,
      endedAt: call.endedAt,
      durationSec: call.durationSec,
      rounds: call.rounds,
      intent: call.intent,
      transcript: call.turns.length ? call.turns : undefined,
      consultantId: task.patient.consultantId,
      onlineConsultantId: task.patient.onlineConsultantId,
      createdAt: call.dialedAt,
    })),
  );

  // Rows written directly, not through the transitions: rebuild the running totals the metrics read (docs/metrics.md).
  await recountCallTotals(db, opts.companyId);
  const answered = calls.filter(({ call }) => call.outcome === "answered");
  // …and re-credit the bookings of the answered calls' patients, as an answered call's result does (docs/outcomes.md).
  await recreditPatients(db, opts.companyId, answered.map(({ task }) => task.patient.id));
  if (opts.audio) await storeRecordings(db, opts.audio, opts.companyId, answered.map(({ task, call }) => ({ ...call, patientName: task.patient.name })));
  return { scriptId, taskIds: tasks.map((t) => t.id), callIds: calls.map(({ call }) => call.id), answeredCallIds: answered.map(({ call }) => call.id) };
}

/** A finished call (话单) as the dial engine stores it. */
export type CallRow = Prisma.CallCreateManyInput & { id: string; outcome: NonNullable<Prisma.CallCreateManyInput["outcome"]>; dialedAt: Date; endedAt: Date };

/**
 * The one place seed and demo code write Call rows (fixtures and the demo's history), in chunks. Anything derived from
 * calls that must be kept in step with them (e.g. per-script counters) belongs here too.
 */
export async function insertCallRows(db: SeedDb, rows: readonly CallRow[]): Promise<void> {
  await insertChunked(rows, (data) => db.call.createMany({ data }));
}

async function createFixtureScript(db: SeedDb, companyId: string, name: string, clinicIds: string[], now: Date, createdById: string | null) {
  const templateKey = "fixture-implant-invite";
  const template =
    (await db.scriptTemplate.findFirst({ where: { companyId, key: templateKey }, select: { id: true } })) ??
    (await db.scriptTemplate.create({
      data: {
        companyId,
        key: templateKey,
        kind: "ai",
        name: "种植牙活动邀约",
        category: "marketing",
        description: "测试数据：种植牙专家面诊活动邀约",
        paramSchema: [],
        scenarios: [{ key: "main-1", name: "主流程-1" }],
        intents: MARKETING_INTENTS.map((i) => ({ ...i })),
      },
      select: { id: true },
    }));
  const script = await db.script.create({
    data: {
      companyId,
      name,
      kind: "ai",
      category: "marketing",
      templateId: template.id,
      params: {},
      preview: { scenarios: [], intents: MARKETING_INTENTS.map((i) => ({ ...i })) },
      status: "enabled",
      createdById,
      createdAt: now,
      clinics: { create: clinicIds.map((clinicId) => ({ clinicId })) },
    },
    select: { id: true },
  });
  return script.id;
}

/** One synthesized recording per conversation shape (cached), stored under each answered call's own key. */
async function storeRecordings(db: SeedDb, audio: NonNullable<SeedCallRecordsOptions["audio"]>, companyId: string, calls: (PlannedCall & { id: string; patientName: string })[]) {
  const cache = new Map<string, Uint8Array>();
  const rows = [];
  for (const call of calls) {
    let mp3 = cache.get(call.intent);
    if (mp3 === undefined) {
      // Shared between calls of the same shape, so it must not speak one patient's name.
      mp3 = await audio.synthesize(call.turns.map((t) => t.text.replaceAll(call.patientName, "您")).join("。"));
      cache.set(call.intent, mp3);
    }
    const storageKey = `recordings/${companyId}/${call.id}.mp3`;
    await audio.storage.put(storageKey, mp3, { contentType: "audio/mpeg" });
    rows.push({ callId: call.id, storageKey, mimeType: "audio/mpeg", durationSec: call.durationSec, sizeBytes: mp3.byteLength, createdAt: call.endedAt });
  }
  await insertChunked(rows, (data) => db.recording.createMany({ data }));
}
