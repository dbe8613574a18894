import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/server/db/create-client";
import { dialerActivityListener } from "@/server/db/dialer-activity";
import { Prisma } from "@/server/generated/prisma/client";
import { failClaim, releaseClaims } from "@/server/services/dialer/call-rows";
import { streamMonitorSnapshots } from "@/server/services/dialer/monitor/stream-monitor-snapshots";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { callerFor } from "./fixtures";
import { createDialerCompany, createPatients, createScript, shanghai } from "./dialer-fixtures";

/**
 * 实时监控 hears every state change it shows (issue 27): claims released or failed, tasks cancelled, scripts paused,
 * enabled or stopped notify `dialer_activity` like the Call-row writer's writes. Two LISTEN connections stand for two app
 * processes (each process keeps one); every change made through a third connection reaches both within 2 s.
 */
function withApp(url: string, name: string) {
  return `${url}${url.includes("?") ? "&" : "?"}application_name=${name}`;
}

describe("every state change the monitor shows is notified to every app process", () => {
  const url = inject("databaseUrl");
  const heard = { a: [] as { companyId: string; at: number }[], b: [] as { companyId: string; at: number }[] };
  const stop: (() => void)[] = [];
  let company: Awaited<ReturnType<typeof createDialerCompany>>;
  let dialer: PrismaClient;
  const t0 = shanghai(10);

  beforeAll(async () => {
    company = await createDialerCompany("monitor-notify", { seatsPerScript: 5, seatLimit: 10, dialsPerMinuteScript: 10 });
    dialer = createPrismaClient(url);
    for (const key of ["a", "b"] as const) {
      const listener = dialerActivityListener(withApp(url, `monitor-notify-${key}`))!;
      stop.push(listener.subscribe((companyId) => heard[key].push({ companyId, at: Date.now() })));
    }
    // Both LISTEN connections open on their first subscriber.
    await new Promise((r) => setTimeout(r, 1_500));
  });
  afterAll(async () => {
    for (const s of stop) s();
    await dialer.$disconnect();
  });

  async function queuedAndClaimed(n: number) {
    const script = await createScript(company.companyId, company.clinicIds);
    const patients = await createPatients(company.companyId, company.clinicIds[0]!, n);
    await dialer.$transaction(async (tx) => {
      const s = (await loadScriptForTasks(tx, company.companyId, script.id))!;
      await insertCallTasks(tx, { companyId: company.companyId, script: s, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: t0 });
    });
    const tick = await runDialerTick(dialer, { now: t0, workerId: "process-a", companyId: company.companyId });
    return { script, claimed: tick.claimed };
  }

  /** Runs `change` and waits (at most 2 s) until both processes heard of the company after it. */
  async function bothHear(change: () => Promise<unknown>) {
    const since = Date.now();
    await change();
    const deadline = Date.now() + 2_000;
    const heardBy = (key: "a" | "b") => heard[key].some((e) => e.companyId === company.companyId && e.at >= since);
    while (Date.now() < deadline && !(heardBy("a") && heardBy("b"))) await new Promise((r) => setTimeout(r, 25));
    return { a: heardBy("a"), b: heardBy("b") };
  }

  it("releaseClaims (a claim goes back to 待呼) and failClaim", async () => {
    const { claimed } = await queuedAndClaimed(2);
    expect(claimed).toHaveLength(2);
    const [one, two] = claimed;
    expect(
      await bothHear(() =>
        releaseClaims(dialer, { where: Prisma.sql`t.id = ${one!.taskId} AND t."claimedBy" = ${one!.claimToken}`, now: t0, nextAttemptAt: t0, reason: "test" }),
      ),
    ).toEqual({ a: true, b: true });
    expect(await bothHear(() => failClaim(dialer, two!, "test", t0))).toEqual({ a: true, b: true });
  });

  it("a change that moved nothing notifies nobody", async () => {
    const since = Date.now();
    await failClaim(dialer, { taskId: "no-such-task", claimToken: "x" }, "test", t0);
    await new Promise((r) => setTimeout(r, 500));
    expect([...heard.a, ...heard.b].filter((e) => e.at >= since)).toEqual([]);
  });

  it("pause, enable and stop from 外呼管理 or the monitor (stop cancels the pending tasks)", async () => {
    const { script } = await queuedAndClaimed(1);
    const admin = await callerFor(company.admin.id);
    expect(await bothHear(() => admin.scripts.pause({ id: script.id }))).toEqual({ a: true, b: true });
    expect(await bothHear(() => admin.scripts.enable({ id: script.id }))).toEqual({ a: true, b: true });
    expect(await bothHear(() => admin.scripts.stop({ id: script.id }))).toEqual({ a: true, b: true });
  });

  it("a stream served by one process shows a pause made through another within 2 s (not at its 10 s refresh)", async () => {
    const script = await createScript(company.companyId, company.clinicIds);
    const patients = await createPatients(company.companyId, company.clinicIds[0]!, 1);
    await dialer.$transaction(async (tx) => {
      const s = (await loadScriptForTasks(tx, company.companyId, script.id))!;
      await insertCallTasks(tx, { companyId: company.companyId, script: s, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: new Date(t0.getTime() + 3_600_000) });
    });
    const listenerB = dialerActivityListener(withApp(url, "monitor-notify-b"))!;
    const pageDb = createPrismaClient(url);
    const abort = new AbortController();
    try {
      const stream = streamMonitorSnapshots(pageDb, { companyId: company.companyId, clinicIds: company.clinicIds }, { scriptId: script.id }, {
        activity: (fn) => listenerB.subscribe(fn),
        signal: abort.signal,
        clock: () => t0,
      });
      const first = await stream.next();
      if (first.done) throw new Error("the stream ended");
      expect(first.value.scripts.find((s) => s.id === script.id)?.reason).toMatchObject({ kind: "notDueYet" });
      await new Promise((r) => setTimeout(r, 1_100));
      const started = Date.now();
      await (await callerFor(company.admin.id)).scripts.pause({ id: script.id });
      // The first snapshot that shows the pause (an earlier notification may wake the stream first).
      let latency = Infinity;
      while (Date.now() - started < 3_000) {
        const pushed = await stream.next();
        if (pushed.done) throw new Error("the stream ended");
        if (pushed.value.scripts.find((s) => s.id === script.id)?.reason?.kind === "paused") {
          latency = Date.now() - started;
          break;
        }
      }
      expect(latency).toBeLessThan(2_000);
    } finally {
      abort.abort();
      await pageDb.$disconnect();
    }
  });
});
