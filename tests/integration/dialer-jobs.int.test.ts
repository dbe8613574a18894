import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchStarted } from "@/server/jobs/events";
import { functions } from "@/inngest";
import { createPrismaClient, type PrismaClient } from "@/server/db/create-client";
import { InProcessDriver } from "@/server/jobs/in-process-driver";
import { setJobDeps } from "@/server/jobs/job-deps";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { applyAttemptResult } from "@/server/services/dialer/apply-attempt-result";
import { startBatchCall } from "@/server/services/dialer/batch/start-batch-call";
import type { CreateCallInput } from "@/server/ports/carrier";
import { COMPANY_A } from "../../prisma/seed/presets";
import { createTestDatabase } from "./test-database";
import { attemptCompleted, createPatients, createScript, FakeCarrier, minutes, shanghai } from "./dialer-fixtures";

/**
 * The dial engine end to end on its own database (so its ticks see no other test's tasks): a batch is started, the
 * in-process driver runs the real dialer-tick and place-call functions, a carrier answers some calls and not others,
 * and the redials follow 30 minutes later on the driver's clock.
 */
describe("dial engine through the in-process driver", () => {
  let dropDb: () => Promise<unknown>;
  let db: PrismaClient;
  let now = shanghai(10);
  const pendingResults: Promise<unknown>[] = [];
  const carrier = new FakeCarrier();

  beforeAll(async () => {
    const created = await createTestDatabase("jobs");
    dropDb = created.drop;
    db = createPrismaClient(created.url);
    // This carrier reports each call as soon as it is accepted: even numbers answer, odd ones only on the redial.
    const accept = carrier.createCall.bind(carrier);
    carrier.createCall = async (input: CreateCallInput) => {
      const accepted = await accept(input);
      const attempt = Number(input.clientRef.split(":")[1]);
      const answers = Number(input.callee.slice(-1)) % 2 === 0 || attempt > 1;
      const result = attemptCompleted(input.clientRef, answers ? "answered" : "noAnswer", { carrierCallId: accepted.carrierCallId, endedAt: minutes(now, 2) });
      pendingResults.push(new Promise((r) => setTimeout(r, 5)).then(() => applyAttemptResult(db, result)));
      return accepted;
    };
    setJobDeps(async () => ({ db, carrier, now: () => now, workerId: "jobs-test" }));
  }, 120_000);

  afterAll(async () => {
    setJobDeps(undefined);
    await db?.$disconnect();
    await dropDb?.();
  });

  const settle = async (driver: InProcessDriver) => {
    await driver.drain();
    await Promise.all(pendingResults.splice(0));
  };

  it("dials every queued patient once, answers end the task, others are redialed 30 minutes later", async () => {
    const company = await db.company.findFirstOrThrow({ where: { name: COMPANY_A.name }, include: { clinics: { orderBy: { createdAt: "asc" } }, users: { include: { role: true } } } });
    const admin = company.users.find((u) => u.role?.key === "companyAdmin")!;
    const viewer = (await loadViewer(db, admin.id))!;
    // Fixtures write through the shared test client; point them at this database for the rows they create.
    const script = await createScript(company.id, [company.clinics[0]!.id], {}, db);
    const patients = await createPatients(company.id, company.clinics[0]!.id, 6, {}, db);
    const batch = await startBatchCall(db, { companyId: company.id, clinicIds: viewer.clinicIds }, viewer, { scriptId: script.id, patientIds: patients.map((p) => p.id) }, now);
    expect(batch.queued).toBe(6);

    const driver = new InProcessDriver(functions, { now: () => now, log: () => {} });
    await driver.send(batchStarted.create({ companyId: company.id, scriptId: script.id }));
    await settle(driver);

    const tasks = () => db.callTask.findMany({ where: { batchId: batch.batchId }, include: { patient: true } });
    const even = (t: { patient: { mobile: string | null } }) => Number(t.patient.mobile!.slice(-1)) % 2 === 0;
    let rows = await tasks();
    for (const t of rows) {
      expect(t.attempt).toBe(1);
      expect(t.status).toBe(even(t) ? "ended" : "pending");
      if (!even(t)) expect(t.nextAttemptAt).toEqual(minutes(now, 32));
    }

    // The driver's minute cron runs the tick; at +32 min the redials are due.
    now = minutes(now, 32);
    driver.fireDueCrons();
    await settle(driver);
    rows = await tasks();
    expect(rows.every((t) => t.status === "ended")).toBe(true);
    for (const t of rows) expect(t.attempt).toBe(even(t) ? 1 : 2);
    expect([...carrier.dialsPerRef().values()].every((n) => n === 1)).toBe(true);
    expect(await db.call.count({ where: { taskId: { in: rows.map((t) => t.id) } } })).toBe(rows.reduce((n, t) => n + t.attempt, 0));
  });
});
