import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStorage } from "@/server/adapters/storage/local-storage";
import { HttpCarrierClient } from "@/server/adapters/carrier/simulator/http-carrier-client";
import { startCarrierService } from "@/server/adapters/carrier/simulator/service/carrier-sim-service";
import type { CarrierPort } from "@/server/ports/carrier";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { settlePlacingClaims } from "@/server/services/dialer/settle-placing-claims";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { testDb } from "./fixtures";
import { NO_FAULTS, simMobile } from "./carrier-fixtures";
import { createDialerCompany, createScript, minutes, shanghai } from "./dialer-fixtures";

const SECRET = "carrier-service-test-secret-0123456789";
const PORT = 41310;
const HOOK_PORT = 41311;

/** The app's webhook, as far as the carrier can tell: collects what is pushed. */
let hook: Server;
const received: string[] = [];
let dir: string;

function service(fresh = false) {
  return startCarrierService({
    port: PORT,
    webhookUrls: [`http://127.0.0.1:${HOOK_PORT}/hook`],
    publicUrl: `http://127.0.0.1:${PORT}`,
    secret: SECRET,
    timeScale: 600,
    faults: NO_FAULTS,
    storage: new LocalStorage(path.join(dir, "objects")),
    tts: null,
    recordingTtlSeconds: 3600,
    stateDir: path.join(dir, "state"),
    fresh,
    log: () => {},
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "carrier-service-"));
  hook = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => hook.listen(HOOK_PORT, "127.0.0.1", () => r()));
});

afterAll(async () => {
  await new Promise<void>((r) => hook.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe("the carrier simulator as its own process", () => {
  it("accepts over HTTP, keeps its calls across its own restart, and still pushes the results", async () => {
    const client = new HttpCarrierClient(`http://127.0.0.1:${PORT}`, SECRET);
    let svc = await service(true);
    const script = { scriptId: "s1", kind: "ai" as const, category: "service" as const, dialogues: { scenarios: [], intents: [] }, voice: null };
    const accepted = await client.createCall({ clientRef: "task1:1", callee: simMobile(0, "60"), script, variables: {} });
    // idempotent on our clientRef, findable by it
    expect(await client.createCall({ clientRef: "task1:1", callee: simMobile(0, "60"), script, variables: {} })).toEqual(accepted);
    expect(await client.findCallByClientRef("task1:1")).toEqual(accepted);
    expect(await client.findCallByClientRef("task1:2")).toBeNull();
    await expect(client.createCall({ clientRef: "task2:1", callee: "123", script, variables: {} })).rejects.toMatchObject({ reason: "invalidNumber" });

    await svc.close(); // the carrier restarts before the call's record went out
    svc = await service();
    try {
      expect(await client.findCallByClientRef("task1:1")).toEqual(accepted);
      for (let i = 0; i < 100 && !received.some((b) => b.includes("call_record")); i++) await new Promise((r) => setTimeout(r, 100));
      expect(received.join("\n")).toContain(accepted.carrierCallId);
      const events = await client.getCall(accepted.carrierCallId);
      expect(events?.some((e) => e.type === "attempt.completed")).toBe(true);
      expect(await client.getCall("sim_00000000000000000000")).toBeNull();
    } finally {
      await svc.close();
    }
    // A stopped service: a request on a kept-alive connection fails with "unknown" (plain error: placingAt stays and the
    // lookup settles it); a refused connection reached no one — unavailable, the task may simply retry.
    const create = () => client.createCall({ clientRef: "task3:1", callee: simMobile(0, "10"), script, variables: {} });
    await create().catch(() => undefined);
    await expect(create()).rejects.toMatchObject({ reason: "unavailable" });
  }, 30_000);

  it("answers a batch create in one request, each call decided as a single create would be", async () => {
    const svc = await service(true);
    const client = new HttpCarrierClient(`http://127.0.0.1:${PORT}`, SECRET);
    try {
      const script = { scriptId: "s1", kind: "ai" as const, category: "service" as const, dialogues: { scenarios: [], intents: [] }, voice: null };
      const call = (clientRef: string, callee: string) => ({ clientRef, callee, script, variables: {} });
      const items = await client.createCalls([call("b1:1", simMobile(0, "30")), call("b2:1", "123"), call("b3:1", simMobile(0, "31")), call("b1:1", simMobile(0, "30"))]);
      expect(items).toHaveLength(4);
      expect(items[0]).toMatchObject({ ok: true, carrierCallId: expect.stringMatching(/^sim_/) });
      expect(items[1]).toMatchObject({ ok: false, rejected: { reason: "invalidNumber" } });
      expect(items[2]).toMatchObject({ ok: true });
      // idempotent on our clientRef within and across requests, findable by it
      expect(items[3]).toEqual(items[0]);
      expect(await client.findCallByClientRef("b3:1")).toEqual({ carrierCallId: (items[2] as { carrierCallId: string }).carrierCallId, callerId: expect.any(String) });
      const inspect = (await (await fetch(`http://127.0.0.1:${PORT}/v1/inspect/calls`)).json()) as { creates: Record<string, number>; calls: unknown[] };
      expect(inspect.creates).toEqual({ "b1:1": 2, "b2:1": 1, "b3:1": 1 });
      expect(inspect.calls).toHaveLength(2);
    } finally {
      await svc.close();
    }
  }, 30_000);

  it("settles placements we never stored: adopted when the carrier knows them, released when it does not", async () => {
    const svc = await service(true);
    const client = new HttpCarrierClient(`http://127.0.0.1:${PORT}`, SECRET);
    try {
      const db = testDb();
      const company = await createDialerCompany("settle-placing", {});
      const t0 = shanghai(10);
      const scriptRow = await createScript(company.companyId, company.clinicIds);
      const patients = [simMobile(0, "20"), simMobile(0, "21")].map((mobile, i) => ({
        id: `pset${i}${Date.now()}`,
        companyId: company.companyId,
        clinicId: company.clinicIds[0]!,
        name: `患者${i}`,
        gender: "female" as const,
        mobile,
      }));
      await db.patient.createMany({ data: patients });
      await db.$transaction(async (tx) => {
        const loaded = (await loadScriptForTasks(tx, company.companyId, scriptRow.id))!;
        await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: t0 });
      });
      const tick = await runDialerTick(db, { now: t0, workerId: "w", companyId: company.companyId });
      expect(tick.claimed).toHaveLength(2);
      // The first: the carrier accepts, then our process dies (or the database is down) before the Call row.
      // (one createCall per attempt: without the batch create, as for Tencent CCC)
      const acceptedThenCrash: CarrierPort = Object.assign(Object.create(client) as CarrierPort, {
        createCalls: undefined,
        createCall: async (input: Parameters<CarrierPort["createCall"]>[0]) => {
          await client.createCall(input);
          throw new Error("process died");
        },
      });
      await expect(placeClaimedCall(db, acceptedThenCrash, tick.claimed[0]!, t0)).rejects.toThrow("process died");
      // The second: we wrote placingAt, then died before the request left.
      const diedBefore: CarrierPort = Object.assign(Object.create(client) as CarrierPort, {
        createCalls: undefined,
        createCall: async () => {
          throw new Error("process died");
        },
      });
      await expect(placeClaimedCall(db, diedBefore, tick.claimed[1]!, t0)).rejects.toThrow("process died");

      expect(await settlePlacingClaims(db, client, minutes(t0, 2), company.companyId)).toEqual({ adopted: 0, released: 0 }); // too early
      expect(await settlePlacingClaims(db, client, minutes(t0, 4), company.companyId)).toEqual({ adopted: 1, released: 1 });
      const first = await db.callTask.findUniqueOrThrow({ where: { id: tick.claimed[0]!.taskId } });
      expect(first).toMatchObject({ status: "inCall", attempt: 1 });
      const call = await db.call.findFirstOrThrow({ where: { taskId: first.id } });
      expect(call.carrierCallId).toBe((await client.findCallByClientRef(`${first.id}:1`))!.carrierCallId);
      expect(await db.callTask.findUniqueOrThrow({ where: { id: tick.claimed[1]!.taskId } })).toMatchObject({ status: "pending", attempt: 0, placingAt: null, reason: "claimRecovered" });
      expect(await settlePlacingClaims(db, client, minutes(t0, 5), company.companyId)).toEqual({ adopted: 0, released: 0 });
    } finally {
      await svc.close();
    }
  }, 60_000);
});
