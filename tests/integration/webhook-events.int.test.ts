import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentMp3 } from "@/prisma/seed/fixture-audio";
import { seedCallRecords } from "@/prisma/seed/seed-call-records";
import { createWebhookTransport, fetchWebhookTransport } from "@/server/adapters/webhook/fetch-transport";
import type { Viewer } from "@/server/domain/auth/permissions";
import { scopeOf } from "@/server/domain/auth/scope";
import type { CallAnalysis } from "@/server/ports/intent";
import { confirmAppointmentRequest } from "@/server/services/appointment-requests/decide-appointment-request";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { setCallAnalysis } from "@/server/services/calls/set-call-analysis";
import { finishCallBatches } from "@/server/services/dialer/batch/finish-call-batches";
import { deliverWebhook, retryDueWebhooks } from "@/server/services/webhooks/deliver-webhook";
import { createWebhook } from "@/server/services/webhooks/manage-webhooks";
import { openApiDocument } from "@/server/services/api/v1/openapi";
import { MemoryStorage } from "../support/memory-storage";
import { createDialerCompany, createPatients } from "./dialer-fixtures";
import { testDb } from "./fixtures";

/** What the loopback receiver accepted: event, event id, the object's id, and whether the signature verified. */
const received: { event: string; id: string; dataId: string; verified: boolean; data: Record<string, unknown> }[] = [];
let server: Server;
let url: string;
let secret = "";
let companyId: string;
let admin: Viewer & { companyId: string };
let callIds: string[];
let taskIds: string[];
let scriptId: string;

function verify(headers: Record<string, string | string[] | undefined>, body: string) {
  const timestamp = String(headers["x-zw-timestamp"]);
  const expected = `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  const given = String(headers["x-zw-signature"]);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const analysis = (over: Partial<CallAnalysis>): CallAnalysis => ({
  intent: null, label: null, canonical: null, optOut: false, rule: "positive", reached: "patient", complaint: false, trigger: null,
  confidence: 0.9, callbackRequested: false, proposedTime: null, summary: null, reason: null, ...over,
});
const meta = { status: "rules" as const, by: "rules-v1", error: null, at: new Date() };
const sweep = () => retryDueWebhooks(testDb(), fetchWebhookTransport, new Date(Date.now() + 1_000), 100, 5_000);
const ofEvent = (event: string) => received.filter((r) => r.event === event);

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const payload = JSON.parse(body) as { id: string; event: string; data: Record<string, unknown> };
      received.push({ event: payload.event, id: payload.id, dataId: String(payload.data.id), verified: verify(req.headers, body), data: payload.data });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

  const company = await createDialerCompany("webhook-events");
  companyId = company.companyId;
  await createPatients(companyId, company.clinicIds[0]!, 6);
  admin = (await loadViewer(testDb(), company.admin.id)) as Viewer & { companyId: string };
  const records = await seedCallRecords(testDb(), {
    companyId, now: new Date(), scriptName: "Webhook 事件话术", patientCount: 6, createdById: company.admin.id,
    audio: { storage: new MemoryStorage(), synthesize: async () => silentMp3(1) },
  });
  callIds = records.answeredCallIds;
  taskIds = records.taskIds;
  scriptId = records.scriptId;
  expect(callIds.length).toBeGreaterThanOrEqual(2);
  const created = await createWebhook(
    testDb(), scopeOf(admin), admin,
    { url, events: ["follow_up_task.created", "appointment_request.created", "appointment_request.confirmed", "batch.finished"] },
    fetchWebhookTransport,
  );
  secret = (await testDb().webhookEndpoint.findUniqueOrThrow({ where: { id: created.id! } })).secret;
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("webhook events beyond call.ended", () => {
  it("follow_up_task.created and appointment_request.created: queued with the analysis, delivered once, signed", async () => {
    const db = testDb();
    const call = await db.call.findUniqueOrThrow({ where: { id: callIds[0]! }, select: { id: true, taskId: true, attempt: true, intent: true } });
    const a = analysis({ callbackRequested: true, proposedTime: "周六上午" });
    await setCallAnalysis(db, call, a, meta);
    await setCallAnalysis(db, call, a, meta); // 重新分析: the same tasks, no new events
    const tasks = await db.followUpTask.findMany({ where: { callId: call.id }, select: { id: true } });
    expect(tasks).toHaveLength(2);
    const request = await db.appointmentRequest.findUniqueOrThrow({ where: { callId: call.id } });
    expect(await db.webhookDelivery.count({ where: { companyId } })).toBe(3);

    // The sweep serves every company: other files' deliveries still due in this shared database (an alert.raised to a
    // receiver long gone, say) wait for later, so it counts this company's three.
    await db.webhookDelivery.updateMany({ where: { companyId: { not: companyId }, status: "pending" }, data: { nextAttemptAt: new Date(Date.now() + 86_400_000) } });
    expect(await sweep()).toEqual({ due: 3, succeeded: 3 });
    expect(await sweep()).toEqual({ due: 0, succeeded: 0 });
    expect(ofEvent("follow_up_task.created").map((r) => r.dataId).sort()).toEqual(tasks.map((t) => t.id).sort());
    expect(ofEvent("appointment_request.created").map((r) => r.dataId)).toEqual([request.id]);
    expect(ofEvent("appointment_request.created")[0]!.data).toMatchObject({ status: "pending", said: "周六上午", callId: call.id, appointment: null });
    expect(received.every((r) => r.verified)).toBe(true);
  });

  it("appointment_request.confirmed: queued in the confirming transaction, with the appointment", async () => {
    const db = testDb();
    const request = await db.appointmentRequest.findUniqueOrThrow({ where: { callId: callIds[0]! } });
    const { appointmentId } = await confirmAppointmentRequest(db, scopeOf(admin), admin, { id: request.id });
    expect(await sweep()).toEqual({ due: 1, succeeded: 1 });
    const confirmed = ofEvent("appointment_request.confirmed");
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]).toMatchObject({ id: `appointment_request.confirmed:${request.id}`, dataId: request.id, verified: true });
    expect(confirmed[0]!.data).toMatchObject({ status: "confirmed", appointment: { id: appointmentId, status: "scheduled" } });
  });

  it("batch.finished: once, when the batch's last task is over (a batch with a waiting task is not finished)", async () => {
    const db = testDb();
    const done = await db.callBatch.create({ data: { companyId, scriptId, createdById: admin.userId } });
    const open = await db.callBatch.create({ data: { companyId, scriptId, createdById: admin.userId } });
    await db.callTask.updateMany({ where: { id: { in: taskIds.slice(0, 3) } }, data: { batchId: done.id } });
    await db.callTask.update({ where: { id: taskIds[3]! }, data: { batchId: open.id, status: "pending" } });
    expect((await finishCallBatches(db, new Date(), companyId)).finished).toEqual([done.id]);
    expect((await finishCallBatches(db, new Date(), companyId)).finished).toEqual([]);
    expect(await sweep()).toEqual({ due: 1, succeeded: 1 });
    const finished = ofEvent("batch.finished");
    expect(finished.map((r) => [r.dataId, r.verified])).toEqual([[done.id, true]]);
    expect(finished[0]!.data).toMatchObject({ total: 3, status: "running" });

    await db.callTask.update({ where: { id: taskIds[3]! }, data: { status: "cancelled" } });
    expect((await finishCallBatches(db, new Date(), companyId)).finished).toEqual([open.id]);
    expect(await sweep()).toEqual({ due: 1, succeeded: 1 });
    expect(ofEvent("batch.finished").map((r) => r.dataId)).toEqual([done.id, open.id]);
    expect(new Set(received.map((r) => r.id)).size).toBe(received.length); // every event delivered once
  });
});

describe("the OpenAPI document describes every event's payload", () => {
  it("lists each event under webhooks with the data the receiver got", () => {
    type Schema = { properties?: Record<string, unknown>; $ref?: string; $defs?: Record<string, Schema> };
    const doc = openApiDocument("http://localhost") as unknown as { webhooks: Record<string, { post: { requestBody: { content: { "application/json": { schema: { properties: { data: Schema } } } } } } }> };
    // A named schema is a $ref into its own $defs, as the paths' responses are.
    const resolve = (schema: Schema) => (schema.$ref ? schema.$defs![schema.$ref.split("/").at(-1)!]! : schema);
    expect(Object.keys(doc.webhooks).sort()).toEqual(["alert.raised", "appointment_request.confirmed", "appointment_request.created", "batch.finished", "call.ended", "follow_up_task.created"]);
    for (const r of received) {
      const documented = Object.keys(resolve(doc.webhooks[r.event]!.post.requestBody.content["application/json"].schema.properties.data).properties!).sort();
      expect(Object.keys(r.data).sort(), r.event).toEqual(documented);
    }
  });
});

describe("SSRF: webhook URLs to private addresses", () => {
  const guarded = createWebhookTransport(() => false);

  it("refuses loopback, private, link-local / metadata and names resolving there at registration", async () => {
    const db = testDb();
    const before = await db.webhookEndpoint.count({ where: { companyId } });
    for (const target of ["http://127.0.0.1:8080/h", "http://[::1]/h", "http://169.254.169.254/latest/meta-data", "http://10.0.0.5/h", "http://172.16.3.4/h", "http://192.168.1.1/h", "http://0.0.0.0/h", "http://[fd00:ec2::254]/h", "http://[::ffff:127.0.0.1]/h", "http://localhost:4000/h"]) {
      const r = await createWebhook(db, scopeOf(admin), admin, { url: target, events: ["call.ended"] }, guarded);
      expect(r.refused?.reason, target).toBe("privateAddress");
    }
    expect(await db.webhookEndpoint.count({ where: { companyId } })).toBe(before);
    const ok = await createWebhook(db, scopeOf(admin), admin, { url: "https://93.184.216.34/hooks", events: ["call.ended"] }, guarded);
    expect(ok.id).toBeTruthy();
    await db.webhookEndpoint.delete({ where: { id: ok.id! } });
  });

  it("refuses at delivery: a name that now resolves to loopback (DNS rebinding) gets nothing, the log says why", async () => {
    const db = testDb();
    const port = (server.address() as AddressInfo).port;
    const endpoint = await db.webhookEndpoint.create({ data: { companyId, url: `http://localhost:${port}/rebound`, secret: "whsec_x", events: ["call.ended"] } });
    const delivery = await db.webhookDelivery.create({
      data: { companyId, endpointId: endpoint.id, event: "call.ended", eventId: "rebinding", payload: { id: "rebinding", event: "call.ended", data: { id: "x" } }, nextAttemptAt: new Date() },
    });
    const before = received.length;
    expect((await deliverWebhook(db, guarded, delivery.id, new Date(), 5_000)).status).toBe("retrying");
    expect(received.length).toBe(before);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row.lastError).toContain("内网或本机地址");
    // The same delivery with WEBHOOK_ALLOW_PRIVATE=1 (the test's setting): delivered.
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: new Date() } });
    expect((await deliverWebhook(db, fetchWebhookTransport, delivery.id, new Date(), 5_000)).status).toBe("succeeded");
    expect(received.length).toBe(before + 1);
    await db.webhookEndpoint.delete({ where: { id: endpoint.id } });
  });
});
