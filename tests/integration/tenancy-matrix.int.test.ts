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
import { MATRIX, type AIds, type Outcome } from "./tenancy-matrix";

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
const leaked = (value: unknown) => {
  const text = JSON.stringify(value) ?? "";
  return aIdValues().filter((id) => text.includes(id));
};

async function expectOutcome(caller: Caller, path: string, expected: Outcome) {
  const entry = MATRIX[path]!;
  const input = entry.input(a);
  if (expected === "noTenantInput") {
    expect(leaked(input), `${path}: input names company A's rows`).toEqual([]);
    expect(procedures[path]!._def.type, `${path}: only mutations may skip the cross-tenant call`).toBe("mutation");
    return;
  }
  const got = await outcomeOf(caller, path, input);
  if (expected === "ownData") {
    expect(got, `${path} should succeed`).toHaveProperty("value");
    expect(leaked((got as { value: unknown }).value), `${path} returned company A's ids`).toEqual([]);
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
    await expectOutcome(asB, path, MATRIX[path]!.other);
  });

  it.each(paths)("%s as a role without the permission", async (path) => {
    await expectOutcome(asNoPerm, path, MATRIX[path]!.noPerm);
  });

  it("changed nothing of company A", async () => {
    const db = testDb();
    expect(await db.script.findUniqueOrThrow({ where: { id: a.scriptId }, select: { status: true, name: true } })).toMatchObject({ name: "租户矩阵话术" });
    expect(await db.journey.findUniqueOrThrow({ where: { id: a.journeyId }, select: { status: true, name: true } })).toEqual({ status: "draft", name: "租户矩阵旅程" });
    expect(await db.segment.findUniqueOrThrow({ where: { id: a.segmentId }, select: { name: true } })).toEqual({ name: "租户矩阵人群" });
    expect((await db.clinic.findUniqueOrThrow({ where: { id: a.clinicId } })).name).not.toBe("x");
    expect(await db.rolePermission.count({ where: { roleId: a.roleId, permission: "outbound.view" } })).toBe(0);
  });
});
