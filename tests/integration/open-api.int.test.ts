import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { silentMp3 } from "@/prisma/seed/fixture-audio";
import { seedCallRecords } from "@/prisma/seed/seed-call-records";
import { GET as clinicsGET } from "@/app/api/v1/clinics/route";
import { POST as patientsPOST } from "@/app/api/v1/patients/route";
import { POST as appointmentsPOST } from "@/app/api/v1/appointments/route";
import { POST as visitsPOST } from "@/app/api/v1/visits/route";
import { POST as deductionsPOST } from "@/app/api/v1/treatment-deductions/route";
import { POST as dncPOST } from "@/app/api/v1/dnc-entries/route";
import { POST as batchPOST } from "@/app/api/v1/batch-calls/route";
import { GET as callsGET } from "@/app/api/v1/calls/route";
import { GET as callGET } from "@/app/api/v1/calls/[id]/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { scopeOf } from "@/server/domain/auth/scope";
import type { Viewer } from "@/server/domain/auth/permissions";
import { rateWindowStart } from "@/server/domain/api/problem";
import { API_RATE_LIMIT, createApiKey, revokeApiKey } from "@/server/services/api/api-keys";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { API_OPERATIONS } from "@/server/services/api/v1/openapi";
import { MemoryStorage } from "../support/memory-storage";
import { seeded, testDb } from "./fixtures";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const HANDLERS: Record<string, Handler> = {
  listClinics: clinicsGET,
  upsertPatient: patientsPOST,
  upsertAppointment: appointmentsPOST,
  upsertVisit: visitsPOST,
  upsertTreatmentDeduction: deductionsPOST,
  addDncEntry: dncPOST,
  startBatchCall: batchPOST,
  listCalls: callsGET,
  getCall: callGET,
};

interface Fixture {
  clinicId: string;
  patientId: string;
  scriptId: string;
  callIds: string[];
}
let a: Fixture;
let keys: { aWrite: string; aRead: string; b: string; bClinicId: string };
let adminA: Viewer & { companyId: string };

async function call(operationId: string, opts: { key?: string; body?: unknown; query?: Record<string, string>; id?: string; headers?: Record<string, string> } = {}) {
  const op = API_OPERATIONS.find((o) => o.operationId === operationId)!;
  const url = new URL(`http://localhost/api/v1${op.path.replace("{id}", opts.id ?? "x")}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const request = new Request(url, {
    method: op.method.toUpperCase(),
    headers: { ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}), "content-type": "application/json", ...opts.headers },
    ...(op.method === "post" ? { body: JSON.stringify(opts.body ?? {}) } : {}),
  });
  const res = await HANDLERS[operationId]!(request, { params: Promise.resolve<Record<string, string>>(opts.id ? { id: opts.id } : {}) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> & { items?: Record<string, unknown>[] } };
}

const validBody = (operationId: string, f: Fixture, n: string): { body?: unknown; query?: Record<string, string>; id?: string } => {
  switch (operationId) {
    case "upsertPatient":
      return { body: { externalId: `his-p-${n}`, mobile: `1770000${n.padStart(4, "0")}`, name: "接口患者", clinicId: f.clinicId, gender: "female", birthday: "1991-02-03", tags: ["HIS"] } };
    case "upsertAppointment":
      return { body: { externalId: `his-a-${n}`, patientId: f.patientId, clinicId: f.clinicId, startsAt: "2026-12-09T10:00:00+08:00", item: "洁牙" } };
    case "upsertVisit":
      return { body: { externalId: `his-v-${n}`, patientId: f.patientId, clinicId: f.clinicId, visitedAt: "2026-12-01T09:00:00+08:00" } };
    case "upsertTreatmentDeduction":
      return { body: { externalId: `his-d-${n}`, patientId: f.patientId, clinicId: f.clinicId, performedAt: "2026-12-01T10:00:00+08:00", item: "洁牙", amountCents: 28800 } };
    case "addDncEntry":
      return { body: { mobile: `1760000${n.padStart(4, "0")}`, reason: "患者要求" } };
    case "startBatchCall":
      return { body: { scriptId: f.scriptId, patientIds: [f.patientId] } };
    case "listCalls":
      return { query: { limit: "5" } };
    case "getCall":
      return { id: f.callIds[0] };
    default:
      return {};
  }
};

beforeAll(async () => {
  const s = await seeded();
  const db = testDb();
  const records = await seedCallRecords(db, {
    companyId: s.a.company.id,
    now: new Date(),
    scriptName: "开放接口话术",
    patientCount: 6,
    createdById: s.a.admin.id,
    audio: { storage: new MemoryStorage(), synthesize: async () => silentMp3(1) },
  });
  const task = await db.callTask.findFirstOrThrow({ where: { scriptId: records.scriptId }, select: { patientId: true, clinicId: true } });
  a = { clinicId: task.clinicId, patientId: task.patientId, scriptId: records.scriptId, callIds: records.callIds };
  adminA = (await loadViewer(db, s.a.admin.id)) as Viewer & { companyId: string };
  const adminB = (await loadViewer(db, s.b.admin.id)) as Viewer & { companyId: string };
  keys = {
    aWrite: (await createApiKey(db, scopeOf(adminA), adminA, { name: "HIS", scopes: ["read", "write"] })).key,
    aRead: (await createApiKey(db, scopeOf(adminA), adminA, { name: "报表", scopes: ["read"] })).key,
    b: (await createApiKey(db, scopeOf(adminB), adminB, { name: "B", scopes: ["read", "write"] })).key,
    bClinicId: s.b.company.clinics[0]!.id,
  };
}, 120_000);

describe("/api/v1 contract (every operation of the OpenAPI document)", () => {
  it("documents exactly the operations that have handlers, as OpenAPI 3.1", async () => {
    const doc = (await (openapiGET(new Request("http://localhost/api/v1/openapi.json"))).json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.values(doc.paths).flatMap((m) => Object.values(m).map((o) => o.operationId)).sort();
    expect(documented).toEqual(Object.keys(HANDLERS).sort());
  });

  for (const op of API_OPERATIONS) {
    it(`${op.method.toUpperCase()} ${op.path}: 401 without a key, answers its schema with one`, async () => {
      const anonymous = await call(op.operationId, validBody(op.operationId, a, "1"));
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
      expect(anonymous.body).toMatchObject({ status: 401, code: "unauthorized", messages: { "zh-CN": expect.any(String), en: expect.any(String) } });
      const bad = await call(op.operationId, { ...validBody(op.operationId, a, "1"), key: `zwk_abcdefabcdef_${"x".repeat(32)}` });
      expect(bad.status).toBe(401);

      const ok = await call(op.operationId, { ...validBody(op.operationId, a, "1"), key: keys.aWrite });
      expect([200, 201], JSON.stringify(ok.body)).toContain(ok.status);
      expect(() => (op.response as z.ZodType).parse(ok.body)).not.toThrow();
      if (op.scope === "write") {
        const readOnly = await call(op.operationId, { ...validBody(op.operationId, a, "2"), key: keys.aRead });
        expect(readOnly.status).toBe(403);
        expect(readOnly.body.code).toBe("forbidden");
      }
    });
  }

  it("upserts appointments by external id and audits the writes", async () => {
    const first = await call("upsertAppointment", { key: keys.aWrite, body: { externalId: "his-a-up", patientId: a.patientId, clinicId: a.clinicId, startsAt: "2026-12-10T10:00:00+08:00" } });
    const second = await call("upsertAppointment", { key: keys.aWrite, body: { externalId: "his-a-up", patientId: a.patientId, clinicId: a.clinicId, startsAt: "2026-12-10T11:00:00+08:00", status: "arrived" } });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.id).toBe(first.body.id);
    const row = await testDb().appointment.findFirstOrThrow({ where: { externalId: "his-a-up" } });
    expect([row.status, row.startsAt.toISOString()]).toEqual(["arrived", "2026-12-10T03:00:00.000Z"]);
    const audits = await testDb().auditLog.findMany({ where: { targetType: "Appointment", targetId: row.id } });
    expect(audits.map((x) => x.action).sort()).toEqual(["api.appointment.create", "api.appointment.update"]);
  });

  it("a deduction pushed for a credited visit's day becomes its 消费; an update or a move of the deduction follows", async () => {
    const db = testDb();
    const answered = await db.call.findFirstOrThrow({ where: { id: { in: a.callIds }, outcome: "answered" }, select: { patientId: true, clinicId: true, dialedAt: true, answeredAt: true } });
    const at = new Date((answered.answeredAt ?? answered.dialedAt).getTime() + 3_600_000);
    const shifted = (ms: number) => new Date(at.getTime() + ms).toISOString();
    const visit = await call("upsertVisit", { key: keys.aWrite, body: { externalId: "his-v-rev", patientId: answered.patientId, clinicId: answered.clinicId, visitedAt: at.toISOString() } });
    expect(visit.status).toBe(201);
    const revenue = async () => (await db.visit.findUniqueOrThrow({ where: { id: visit.body.id as string }, select: { creditCallId: true, creditRevenueCents: true } }));
    expect((await revenue()).creditCallId).not.toBeNull();
    expect((await revenue()).creditRevenueCents).toBe(0);

    const body = { externalId: "his-d-rev", patientId: answered.patientId, clinicId: answered.clinicId, performedAt: shifted(600_000), item: "种植", amountCents: 880_000 };
    const first = await call("upsertTreatmentDeduction", { key: keys.aWrite, body });
    expect(first.status).toBe(201);
    expect((await revenue()).creditRevenueCents).toBe(880_000);
    const updated = await call("upsertTreatmentDeduction", { key: keys.aWrite, body: { ...body, amountCents: 660_000 } });
    expect([updated.status, updated.body.id]).toEqual([200, first.body.id]);
    expect((await revenue()).creditRevenueCents).toBe(660_000);
    // Two days later it is not that visit's day any more.
    await call("upsertTreatmentDeduction", { key: keys.aWrite, body: { ...body, performedAt: shifted(2 * 86_400_000) } });
    expect((await revenue()).creditRevenueCents).toBe(0);
    const audits = await db.auditLog.findMany({ where: { targetType: "TreatmentDeduction", targetId: first.body.id as string } });
    expect(audits.map((x) => x.action).sort()).toEqual(["api.treatmentDeduction.create", "api.treatmentDeduction.update", "api.treatmentDeduction.update"]);
    const refused = await call("upsertTreatmentDeduction", { key: keys.aWrite, body: { ...body, amountCents: -1, item: " " } });
    expect(refused.status).toBe(422);
    expect((refused.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(["amountCents", "item"]);
  });

  it("refuses invalid bodies as 422 problem details, in English when asked", async () => {
    const res = await call("upsertPatient", { key: keys.aWrite, body: { mobile: "12345", name: "", clinicId: a.clinicId }, headers: { "accept-language": "en-US" } });
    expect(res.status).toBe(422);
    expect(res.body.detail).toBe("The request is invalid; see errors.");
    expect((res.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(["mobile", "name"]);
  });

  it("replays an Idempotency-Key retry and refuses the key with another body", async () => {
    const body = { externalId: "his-idem", mobile: "17711112222", name: "幂等", clinicId: a.clinicId };
    const headers = { "idempotency-key": "retry-1" };
    const first = await call("upsertPatient", { key: keys.aWrite, body, headers });
    const retry = await call("upsertPatient", { key: keys.aWrite, body, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await testDb().patient.count({ where: { externalId: "his-idem" } })).toBe(1);
    const other = await call("upsertPatient", { key: keys.aWrite, body: { ...body, name: "别的" }, headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("idempotencyMismatch");
  });

  it("tenancy: company B's key sees and touches nothing of company A", async () => {
    const calls = await call("listCalls", { key: keys.b, query: { limit: "200" } });
    expect(calls.status).toBe(200);
    expect(calls.body.items!.map((c) => c.id)).not.toEqual(expect.arrayContaining([a.callIds[0]]));
    expect((await call("getCall", { key: keys.b, id: a.callIds[0] })).status).toBe(404);
    const clinics = await call("listClinics", { key: keys.b });
    expect(clinics.body.items!.map((c) => c.id)).not.toContain(a.clinicId);
    expect((await call("upsertPatient", { key: keys.b, body: { mobile: "17799990000", name: "越界", clinicId: a.clinicId } })).status).toBe(404);
    expect((await call("upsertAppointment", { key: keys.b, body: { externalId: "x-b", patientId: a.patientId, clinicId: keys.bClinicId, startsAt: "2026-12-10T10:00:00+08:00" } })).status).toBe(404);
    expect((await call("upsertVisit", { key: keys.b, body: { externalId: "x-b", patientId: a.patientId, clinicId: keys.bClinicId, visitedAt: "2026-12-01T10:00:00+08:00" } })).status).toBe(404);
    expect((await call("upsertTreatmentDeduction", { key: keys.b, body: { externalId: "x-b", patientId: a.patientId, clinicId: keys.bClinicId, performedAt: "2026-12-01T10:00:00+08:00", item: "越界", amountCents: 1 } })).status).toBe(404);
    expect((await call("startBatchCall", { key: keys.b, body: { scriptId: a.scriptId, patientIds: [a.patientId] } })).status).toBe(404);
    // the same external id in two companies is two patients
    const pa = await call("upsertPatient", { key: keys.aWrite, body: { externalId: "shared-1", mobile: "17788880000", name: "甲", clinicId: a.clinicId } });
    const pb = await call("upsertPatient", { key: keys.b, body: { externalId: "shared-1", mobile: "17788880000", name: "乙", clinicId: keys.bClinicId } });
    expect([pa.status, pb.status]).toEqual([201, 201]);
    expect(pb.body.id).not.toBe(pa.body.id);
  });

  it("pages calls by cursor without gaps or repeats, and updatedSince finds a changed call", async () => {
    const all = await testDb().call.count({ where: { companyId: adminA.companyId } });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res = await call("listCalls", { key: keys.aRead, query: { limit: "3", ...(cursor ? { cursor } : {}) } });
      seen.push(...res.body.items!.map((c) => c.id as string));
      cursor = (res.body.nextCursor as string | null) ?? undefined;
      if (!cursor) break;
    }
    expect(seen.length).toBe(all);
    expect(new Set(seen).size).toBe(all);
    const since = new Date(Date.now() + 1_000);
    await new Promise((r) => setTimeout(r, 1_100));
    await testDb().$executeRaw`UPDATE "Call" SET summary = '接口测试' WHERE id = ${a.callIds[1]}`; // raw SQL: the trigger bumps updatedAt
    const changed = await call("listCalls", { key: keys.aRead, query: { updatedSince: since.toISOString() } });
    expect(changed.body.items!.map((c) => c.id)).toEqual([a.callIds[1]]);
    expect((changed.body.items![0]!.analysis as { summary: string }).summary).toBe("接口测试");
    expect((await call("listCalls", { key: keys.aRead, query: { cursor: "forged" } })).status).toBe(400);
  });

  it("limits each key per minute in PostgreSQL and refuses a revoked key", async () => {
    const { key, id } = await createApiKey(testDb(), scopeOf(adminA), adminA, { name: "限流", scopes: ["read"] });
    expect((await call("listClinics", { key })).status).toBe(200);
    await testDb().rateWindow.updateMany({ where: { key: `apiKey:${id}`, windowStart: new Date(rateWindowStart(Date.now())) }, data: { count: API_RATE_LIMIT } });
    const limited = await call("listClinics", { key });
    if (limited.status === 200) return; // the minute turned between the two requests: the new window starts at 1
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call("listClinics", { key: keys.aRead })).status).toBe(200); // other keys are not affected
    const row = await testDb().apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.secretHash).not.toContain(key.slice(17));
    await revokeApiKey(testDb(), scopeOf(adminA), adminA, { id });
    const revoked = await call("listClinics", { key });
    expect(revoked.status).toBe(401);
    expect(revoked.body.messages).toMatchObject({ "zh-CN": "该 API 密钥已被吊销" });
  });
});
