import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { silentMp3 } from "@/prisma/seed/fixture-audio";
import { seedCallRecords } from "@/prisma/seed/seed-call-records";
import { appPorts } from "@/server/adapters/app-ports";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { appRouter, createCaller } from "@/server/trpc/router";
import { MemoryStorage } from "../support/memory-storage";
import { callerFor, seeded, testDb } from "./fixtures";
import { entryGraph, MATRIX, type AIds, type Outcome } from "./tenancy-matrix";

type Caller = ReturnType<typeof createCaller>;
type Call = (input: unknown) => Promise<unknown>;

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
const paths = Object.keys(procedures).sort();
const call = (caller: Caller, path: string): Call =>
  path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Call;

let a: AIds;
let asA: Caller;
let asB: Caller;
let asNoPerm: Caller;
let bApprovalId: string;
/** Company A's rows of clinic Y (徐汇店), which the clinic admin of clinic X (静安店) does not manage. */
let y: AIds;
let asClinicX: Caller;
/** Y's rows a clinic X admin must neither see nor touch (company-wide rows — templates, roles, keys — are a permission question, the noPerm axis). */
let yScoped: string[] = [];
let yScriptStatus: string;

beforeAll(async () => {
  const s = await seeded();
  const db = testDb();
  const records = await seedCallRecords(db, {
    companyId: s.a.company.id,
    now: new Date(),
    scriptName: "租户矩阵话术",
    patientCount: 6,
    createdById: s.a.admin.id,
    audio: { storage: new MemoryStorage(), synthesize: async () => silentMp3(1) },
  });
  const script = await db.script.findUniqueOrThrow({ where: { id: records.scriptId }, select: { templateId: true, template: { select: { voiceId: true } } } });
  const template = await db.scriptTemplate.findUniqueOrThrow({ where: { id: script.templateId }, select: { companyId: true } });
  const voice = script.template.voiceId ?? (await db.voice.findFirstOrThrow({ select: { id: true } })).id;
  const task = await db.callTask.findFirstOrThrow({ where: { scriptId: records.scriptId }, select: { patientId: true, clinicId: true } });
  const batch = await db.callBatch.create({ data: { companyId: s.a.company.id, scriptId: records.scriptId, createdById: s.a.admin.id } });

  asA = await callerFor(s.a.admin.id);
  const segment = await asA.segments.create({ name: "租户矩阵人群", definition: { conditions: [{ kind: "ownMobile", value: true }] } });
  const journey = await asA.journeys.create({ name: "租户矩阵旅程", clinicId: task.clinicId });
  const entry = await db.journeyNode.findFirstOrThrow({ where: { journeyId: journey.id, kind: "entry" }, select: { id: true } });
  const sms = await db.smsTemplate.findFirstOrThrow({ where: { companyId: s.a.company.id }, select: { id: true } });
  const role = await db.role.findFirstOrThrow({ where: { companyId: s.a.company.id, key: "frontDesk" }, select: { id: true } });
  const application = await db.qualificationApplication.findFirstOrThrow({ where: { companyId: s.a.company.id }, select: { id: true } });
  a = {
    companyId: s.a.company.id,
    clinicId: task.clinicId,
    otherClinicId: s.a.company.clinics.find((c) => c.id !== task.clinicId)!.id,
    patientId: task.patientId,
    scriptId: records.scriptId,
    callId: records.callIds[0]!,
    batchId: batch.id,
    templateId: script.templateId,
    voiceId: voice,
    journeyId: journey.id,
    entryNodeId: entry.id,
    segmentId: segment.id,
    smsTemplateId: sms.id,
    roleId: role.id,
    applicationId: application.id,
    ...(await (async () => {
      const endpoint = await db.webhookEndpoint.create({ data: { companyId: s.a.company.id, url: "https://example.com/matrix", secret: "whsec_matrix", events: ["call.ended"] } });
      const delivery = await db.webhookDelivery.create({ data: { companyId: s.a.company.id, endpointId: endpoint.id, event: "call.ended", eventId: "matrix", payload: {}, status: "succeeded" } });
      return { webhookId: endpoint.id, webhookDeliveryId: delivery.id };
    })()),
    apiKeyId: (
      await db.apiKey.create({ data: { companyId: s.a.company.id, name: "矩阵", prefix: "matrix000001", secretHash: "00".repeat(32), scopes: ["read"] } })
    ).id,
    importJobId: (
      await db.patientImportJob.create({
        data: { companyId: s.a.company.id, fileKey: "patient-imports/matrix/none.csv", fileName: "matrix.csv", fileKind: "csv", clinicIds: [] },
      })
    ).id,
  };
  shared = [voice, ...(template.companyId ? [] : [script.templateId])];

  // Clinic Y: a script for Y only with its calls, a batch, a journey of Y whose entry uses a segment.
  const xClinics = (await db.userClinic.findMany({ where: { userId: s.a.clinicAdmin.id }, select: { clinicId: true } })).map((u) => u.clinicId);
  const yClinic = s.a.company.clinics.find((c) => !xClinics.includes(c.id))!.id;
  const yPatients = await db.patient.findMany({ where: { companyId: s.a.company.id, clinicId: yClinic, mobile: { not: null } }, select: { id: true }, take: 4 });
  const yRecords = await seedCallRecords(db, { companyId: s.a.company.id, now: new Date(), scriptName: "租户矩阵徐汇话术", patientIds: yPatients.map((p) => p.id), createdById: s.a.admin.id });
  await db.scriptClinic.deleteMany({ where: { scriptId: yRecords.scriptId, clinicId: { not: yClinic } } });
  yScriptStatus = (await db.script.findUniqueOrThrow({ where: { id: yRecords.scriptId }, select: { status: true } })).status;
  const yTask = await db.callTask.findFirstOrThrow({ where: { scriptId: yRecords.scriptId }, select: { patientId: true } });
  const yBatch = await db.callBatch.create({ data: { companyId: s.a.company.id, scriptId: yRecords.scriptId, createdById: s.a.admin.id, status: "paused" } });
  const ySegment = await asA.segments.create({ name: "租户矩阵徐汇人群", definition: { conditions: [{ kind: "ownMobile", value: true }] } });
  const yJourney = await asA.journeys.create({ name: "租户矩阵徐汇旅程", clinicId: yClinic });
  const yEntry = await db.journeyNode.findFirstOrThrow({ where: { journeyId: yJourney.id, kind: "entry" }, select: { id: true } });
  y = {
    ...a,
    clinicId: yClinic,
    otherClinicId: xClinics[0]!,
    patientId: yTask.patientId,
    scriptId: yRecords.scriptId,
    callId: yRecords.callIds[0]!,
    batchId: yBatch.id,
    journeyId: yJourney.id,
    entryNodeId: yEntry.id,
    segmentId: ySegment.id,
  };
  await asA.journeys.save({ id: y.journeyId, name: "租户矩阵徐汇旅程", graph: entryGraph(y) });
  yScoped = [y.patientId, y.scriptId, y.callId, y.batchId, y.journeyId, y.entryNodeId];
  asClinicX = await callerFor(s.a.clinicAdmin.id);

  // Company B approved for 智能外呼, so its admin gets past the company gate to the lookups under test.
  bApprovalId = (
    await db.qualificationApplication.create({
      data: { companyId: s.b.company.id, applicantName: "矩阵", applicantMobile: "13900000001", companyName: s.b.company.name, status: "approved", submittedAt: new Date(), reviewedAt: new Date() },
    })
  ).id;
  asB = await callerFor(s.b.admin.id);
  // A member of company A, every clinic, whose role holds no permission at all.
  const adminViewer = (await loadViewer(db, s.a.admin.id))!;
  asNoPerm = createCaller({ db, viewer: { ...adminViewer, roleKey: null, roleName: "无权限", permissions: new Set() }, ports: appPorts });
}, 120_000);

afterAll(async () => {
  const db = testDb();
  await db.qualificationApplication.deleteMany({ where: { id: bApprovalId } });
  if (y) {
    await db.journey.deleteMany({ where: { id: y.journeyId } });
    await db.segment.deleteMany({ where: { id: y.segmentId } });
    await db.script.deleteMany({ where: { id: y.scriptId } });
  }
  if (a) {
    await db.journey.deleteMany({ where: { id: a.journeyId } });
    await db.segment.deleteMany({ where: { id: a.segmentId } });
    await db.script.deleteMany({ where: { id: a.scriptId } });
  }
});

async function outcomeOf(caller: Caller, path: string, input: unknown): Promise<{ code: string; invalidInput: boolean } | { value: unknown }> {
  try {
    return { value: await call(caller, path)(input) };
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, invalidInput: error.cause instanceof ZodError };
    throw error;
  }
}

/** Company A's own rows (voices are a platform catalogue shared by every company; preset templates too). */
let shared: string[] = [];
const aIdValues = () => Object.values(a).filter((id) => !shared.includes(id));
const leakedOf = (ids: string[]) => (value: unknown) => {
  const text = JSON.stringify(value) ?? "";
  return ids.filter((id) => text.includes(id));
};

/** One axis of the matrix: whom to call as, with whose ids, and which of them must not come back. */
interface Axis {
  caller: () => Caller;
  ids: () => AIds;
  sensitive: () => string[];
  what: string;
}
const companyAxis: Axis = { caller: () => asB, ids: () => a, sensitive: aIdValues, what: "company A's" };
const noPermAxis: Axis = { caller: () => asNoPerm, ids: () => a, sensitive: aIdValues, what: "company A's" };
const clinicAxis: Axis = { caller: () => asClinicX, ids: () => y, sensitive: () => yScoped, what: "clinic Y's" };

async function expectOutcome(axis: Axis, path: string, expected: Outcome) {
  const entry = MATRIX[path]!;
  const input = entry.input(axis.ids());
  const leaked = leakedOf(axis.sensitive());
  if (expected === "noTenantInput") {
    expect(leaked(input), `${path}: input names ${axis.what} rows`).toEqual([]);
    expect(procedures[path]!._def.type, `${path}: only mutations may skip the cross-tenant call`).toBe("mutation");
    return;
  }
  const got = await outcomeOf(axis.caller(), path, input);
  if (expected === "ownData") {
    expect(got, `${path} should succeed`).toHaveProperty("value");
    expect(leaked((got as { value: unknown }).value), `${path} returned ${axis.what} ids`).toEqual([]);
  } else if (expected === "allowed") {
    expect(got, `${path} should be allowed`).toHaveProperty("value");
  } else {
    expect(got, path).toMatchObject({ code: expected, invalidInput: false });
  }
}

describe("tenancy matrix", () => {

  it("has exactly one entry per procedure of the router", () => {
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !MATRIX[p]), "procedures without a matrix entry (add one line to tests/integration/tenancy-matrix.ts)").toEqual([]);
    expect(Object.keys(MATRIX).filter((p) => !procedures[p]), "matrix entries for procedures that no longer exist").toEqual([]);
  });

  // The control: with company A's own admin the same input gets past validation and the lookups (a business-rule
  // refusal such as 「固定话术没有对话」 is fine), so the refusals below come from tenancy, not from a bad input.
  it.each(paths.filter((p) => procedures[p]!._def.type === "query"))("%s reaches company A's rows for A's own admin", async (path) => {
    if (MATRIX[path]!.other === "FORBIDDEN" && MATRIX[path]!.noPerm === "FORBIDDEN") return; // platform-only: no company caller
    const got = await outcomeOf(asA, path, MATRIX[path]!.input(a));
    if ("value" in got) return;
    expect(got.invalidInput, `${path}: the matrix input does not validate`).toBe(false);
    expect(["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED"], `${path} refused company A's own admin`).not.toContain(got.code);
  });

  it.each(paths)("%s as another company's admin", async (path) => {
    await expectOutcome(companyAxis, path, MATRIX[path]!.other);
  });

  it.each(paths)("%s as a role without the permission", async (path) => {
    await expectOutcome(noPermAxis, path, MATRIX[path]!.noPerm);
  });

  // The clinic-scope axis: 静安店's 诊所管理员 with 徐汇店's ids (same company). Runs after the others: a write it is
  // wrongly allowed must not disturb their rows.
  it.each(paths)("%s as clinic X's admin with clinic Y's ids", async (path) => {
    await expectOutcome(clinicAxis, path, MATRIX[path]!.clinic);
  });

  it("changed nothing of company A", async () => {
    const db = testDb();
    expect(await db.script.findUniqueOrThrow({ where: { id: a.scriptId }, select: { status: true, name: true } })).toMatchObject({ name: "租户矩阵话术" });
    expect(await db.journey.findUniqueOrThrow({ where: { id: a.journeyId }, select: { status: true, name: true } })).toEqual({ status: "draft", name: "租户矩阵旅程" });
    expect(await db.segment.findUniqueOrThrow({ where: { id: a.segmentId }, select: { name: true } })).toEqual({ name: "租户矩阵人群" });
    expect((await db.clinic.findUniqueOrThrow({ where: { id: a.clinicId } })).name).not.toBe("x");
    expect(await db.rolePermission.count({ where: { roleId: a.roleId, permission: "outbound.view" } })).toBe(0);
  });

  it("changed nothing of clinic Y", async () => {
    const db = testDb();
    expect(await db.script.findUniqueOrThrow({ where: { id: y.scriptId }, select: { status: true, name: true } })).toEqual({ status: yScriptStatus, name: "租户矩阵徐汇话术" });
    expect(await db.scriptClinic.findMany({ where: { scriptId: y.scriptId }, select: { clinicId: true } })).toEqual([{ clinicId: y.clinicId }]);
    expect(await db.callTask.count({ where: { scriptId: y.scriptId, reason: "scriptStopped" } })).toBe(0);
    expect(await db.callBatch.findUniqueOrThrow({ where: { id: y.batchId }, select: { status: true } })).toEqual({ status: "paused" });
    expect(await db.journey.findUniqueOrThrow({ where: { id: y.journeyId }, select: { status: true, name: true } })).toEqual({ status: "draft", name: "租户矩阵徐汇旅程" });
    expect(await db.segment.findUniqueOrThrow({ where: { id: y.segmentId }, select: { name: true } })).toEqual({ name: "租户矩阵徐汇人群" });
    expect((await db.clinic.findUniqueOrThrow({ where: { id: y.clinicId } })).name).not.toBe("x");
    expect(await db.callAnalysisJob.count({ where: { scriptId: y.scriptId } })).toBe(0);
    expect(await db.call.findUniqueOrThrow({ where: { id: y.callId }, select: { intentCorrectedAt: true } })).toEqual({ intentCorrectedAt: null });
  });
});
