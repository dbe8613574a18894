import { beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/server/db/create-client";
import { dialerActivityListener } from "@/server/db/dialer-activity";
import { streamMonitorSnapshots } from "@/server/services/dialer/monitor/stream-monitor-snapshots";
import type { PlatformMonitor } from "@/server/services/dialer/monitor/get-platform-monitor";
import { streamPlatformMonitor } from "@/server/services/dialer/monitor/stream-platform-monitor";
import { maskMobile } from "@/server/domain/patients/mobile";
import { applyAttemptResult } from "@/server/services/dialer/apply-attempt-result";
import { getMonitorSnapshot } from "@/server/services/dialer/monitor/get-monitor-snapshot";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { callerFor, testDb } from "./fixtures";
import { attemptCompleted, createDialerCompany, createPatients, createScript, FakeCarrier, minutes, shanghai } from "./dialer-fixtures";

async function queue(companyId: string, scriptId: string, patientIds: string[], now: Date) {
  const db = testDb();
  return db.$transaction(async (tx) => {
    const script = (await loadScriptForTasks(tx, companyId, scriptId))!;
    return insertCallTasks(tx, { companyId, script, seeds: patientIds.map((patientId) => ({ patientId })), source: "batch", now });
  });
}

describe("实时监控: the snapshot counts what the dialer counts and says why a script is not dialing", () => {
  let company: Awaited<ReturnType<typeof createDialerCompany>>;
  let busy: { id: string };
  let paused: { id: string };
  let idle: { id: string };
  const t0 = shanghai(10);
  const carrier = new FakeCarrier();
  let patients: Awaited<ReturnType<typeof createPatients>>;

  beforeAll(async () => {
    const db = testDb();
    company = await createDialerCompany("monitor", { seatsPerScript: 3, seatLimit: 10, dialsPerMinuteScript: 5 });
    busy = await createScript(company.companyId, company.clinicIds);
    paused = await createScript(company.companyId, company.clinicIds);
    idle = await createScript(company.companyId, company.clinicIds);
    patients = await createPatients(company.companyId, company.clinicIds[0]!, 5);
    await queue(company.companyId, busy.id, patients.map((p) => p.id), t0);
    await queue(company.companyId, paused.id, patients.slice(0, 2).map((p) => p.id), minutes(t0, 600));
    await db.script.update({ where: { id: paused.id }, data: { status: "paused", pauseReason: "manual" } });
    // One tick places three calls of `busy` (its 3 seats); `idle` has nothing queued yet.
    const tick = await runDialerTick(db, { now: t0, workerId: "w", companyId: company.companyId });
    expect(tick.claimed).toHaveLength(3);
    for (const c of tick.claimed) expect((await placeClaimedCall(db, carrier, c, t0)).status).toBe("placed");
  });

  it("shows the seats in use, the dials of the minute and the calls in progress, with the patient's mobile masked", async () => {
    const now = minutes(t0, 0.5);
    const snap = await getMonitorSnapshot(testDb(), { companyId: company.companyId, clinicIds: company.clinicIds }, {}, now);
    expect(snap.seats).toEqual({ inUse: 3, allowed: 10 });
    expect(snap.dialsLastMinute).toBe(3);
    expect(snap.calls.ringing + snap.calls.talking).toBe(3);
    const mobiles = new Set(patients.map((p) => maskMobile(p.mobile)));
    for (const call of snap.calls.list) {
      expect(mobiles.has(call.mobile)).toBe(true);
      expect(call.mobile).toContain("****");
      expect(call.scriptId).toBe(busy.id);
      expect(call.clinicShortName).toBe("一店");
    }
    expect(snap.tasks.dueNow).toBe(2);
    const row = snap.scripts.find((s) => s.id === busy.id)!;
    expect(row).toMatchObject({ seatsInUse: 3, dialsLastMinute: 3, dueNow: 2, reason: { kind: "scriptSeatsFull" } });
    expect(snap.scripts.find((s) => s.id === paused.id)?.reason).toEqual({ kind: "paused" });
    expect(snap.scripts.find((s) => s.id === idle.id)?.reason).toBeNull();
    expect(snap.perMinute).toHaveLength(60);
    expect(snap.perMinute.at(-1)).toMatchObject({ dials: 3 });
  });

  it("counts answered and not-answered calls of the last 15 minutes and draws them in the per-minute series", async () => {
    const db = testDb();
    const ended = minutes(t0, 1);
    const [a, b] = carrier.created;
    await applyAttemptResult(db, attemptCompleted(a!.clientRef, "answered", { carrierCallId: carrier.carrierCallIdOf(a!.clientRef), endedAt: ended }), ended);
    await applyAttemptResult(db, attemptCompleted(b!.clientRef, "noAnswer", { carrierCallId: carrier.carrierCallIdOf(b!.clientRef), endedAt: ended }), ended);
    const now = minutes(t0, 2);
    const snap = await getMonitorSnapshot(db, { companyId: company.companyId, clinicIds: company.clinicIds }, {}, now);
    expect(snap.recent).toMatchObject({ answered: 1, notAnswered: 1 });
    expect(snap.seats.inUse).toBe(1);
    expect(snap.calls.ringing + snap.calls.talking).toBe(1);
    expect(snap.perMinute.reduce((n, m) => n + m.dials, 0)).toBe(3);
    // Two seats are free again and the minute has passed: `busy` would dial now.
    expect(snap.scripts.find((s) => s.id === busy.id)?.reason).toBeNull();
  });

  it("says the calling window outside 09:00–20:00, and limits calls and tasks to the caller's clinics", async () => {
    const db = testDb();
    const evening = shanghai(21);
    const more = await createPatients(company.companyId, company.clinicIds[1]!, 2);
    await queue(company.companyId, idle.id, more.map((p) => p.id), evening);
    const snap = await getMonitorSnapshot(db, { companyId: company.companyId, clinicIds: company.clinicIds }, {}, evening);
    expect(snap.scripts.find((s) => s.id === idle.id)?.reason).toMatchObject({ kind: "outsideCallingWindow", time: "09:00", dayOffset: 1 });
    const secondOnly = await getMonitorSnapshot(db, { companyId: company.companyId, clinicIds: [company.clinicIds[1]!] }, {}, evening);
    expect(secondOnly.calls.list).toHaveLength(0);
    expect(secondOnly.tasks.dueNow).toBe(2);
  });

  it("alerts the admin when the balance runs low", async () => {
    const db = testDb();
    const scope = { companyId: company.companyId, clinicIds: company.clinicIds };
    const before = await getMonitorSnapshot(db, scope, {}, minutes(t0, 2));
    expect(before.alerts.filter((a) => a.kind.startsWith("balance"))).toEqual([]);
    await db.callBalanceEntry.create({ data: { companyId: company.companyId, delta: 50 - before.balance, reason: "adjustment" } });
    const after = await getMonitorSnapshot(db, scope, {}, minutes(t0, 2));
    expect(after.alerts).toContainEqual({ kind: "balanceLow", balance: 50, threshold: 100 });
    await db.callBalanceEntry.create({ data: { companyId: company.companyId, delta: before.balance - 50, reason: "adjustment" } });
  });

  it("is served to the company's users through tRPC", async () => {
    const asAdmin = await callerFor(company.admin.id);
    const snap = await asAdmin.monitor.snapshot({ scriptId: busy.id });
    expect(snap.scripts.map((s) => s.id)).toEqual([busy.id]);
  });
});

describe("实时监控 is pushed: a dial by another process reaches the stream through LISTEN/NOTIFY", () => {
  it("wakes the stream within 2 s of a claim committed on another connection, well before its 10 s refresh", async () => {
    const own = await createDialerCompany("monitor-push", { seatsPerScript: 5, seatLimit: 10, dialsPerMinuteScript: 10 });
    const t0 = shanghai(10);
    const script = await createScript(own.companyId, own.clinicIds);
    const patients = await createPatients(own.companyId, own.clinicIds[0]!, 3);
    await queue(own.companyId, script.id, patients.map((p) => p.id), t0);

    const url = inject("databaseUrl");
    const listener = dialerActivityListener(url)!;
    const pageProcess = createPrismaClient(url);
    const dialerProcess = createPrismaClient(url);
    const abort = new AbortController();
    try {
      const stream = pushedStream(pageProcess, own, listener, abort.signal, t0);
      const first = await stream.next();
      expect(first.value?.seats.inUse).toBe(0);
      // Let the LISTEN connection open (it is made on the first subscriber).
      await new Promise((r) => setTimeout(r, 1_500));
      const next = stream.next();
      const started = Date.now();
      const tick = await runDialerTick(dialerProcess, { now: t0, workerId: "other-process", companyId: own.companyId });
      expect(tick.claimed).toHaveLength(3);
      const pushed = await next;
      const latency = Date.now() - started;
      if (pushed.done) throw new Error("the stream ended");
      expect(pushed.value.seats.inUse).toBe(3);
      expect(pushed.value.scripts.find((s) => s.id === script.id)?.seatsInUse).toBe(3);
      expect(latency).toBeLessThan(2_000);
      abort.abort();
      expect((await stream.next()).done).toBe(true);
    } finally {
      abort.abort();
      await pageProcess.$disconnect();
      await dialerProcess.$disconnect();
    }
  });
});

/** A company's 实时监控 stream on `db` (a page's process), woken by `listener`'s NOTIFY, at the clock `t0`. */
function pushedStream(
  db: Parameters<typeof streamMonitorSnapshots>[0],
  own: { companyId: string; clinicIds: string[] },
  listener: NonNullable<ReturnType<typeof dialerActivityListener>>,
  signal: AbortSignal,
  t0: Date,
) {
  return streamMonitorSnapshots(db, { companyId: own.companyId, clinicIds: own.clinicIds }, {}, { activity: (fn) => listener.subscribe(fn), signal, clock: () => t0 });
}

/** A stream's next value (the stream must not have ended). */
function valueOf<T>(result: IteratorResult<T>): T {
  if (result.done) throw new Error("the stream ended");
  return result.value;
}

describe("实时监控 keeps what changes slowly until a notification says it changed", () => {
  it("re-reads scripts and company limits at a settings notification, not at every dial", async () => {
    const own = await createDialerCompany("monitor-settings", { seatsPerScript: 5, seatLimit: 10, dialsPerMinuteScript: 10 });
    const t0 = shanghai(10);
    const script = await createScript(own.companyId, own.clinicIds);
    const url = inject("databaseUrl");
    const listener = dialerActivityListener(url)!;
    const pageProcess = createPrismaClient(url);
    const other = createPrismaClient(url);
    const abort = new AbortController();
    try {
      const stream = pushedStream(pageProcess, own, listener, abort.signal, t0);
      const first = valueOf(await stream.next());
      const before = first.scripts.find((s) => s.id === script.id)!.name;
      await new Promise((r) => setTimeout(r, 1_500));

      // A rename with the triggers off (as if its notification were lost), then a dial's notification: the snapshot
      // it wakes keeps the scripts it had — they are not read at every dial.
      await other.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
        await tx.script.update({ where: { id: script.id }, data: { name: "改名未通知" } });
      });
      let next = stream.next();
      await other.$executeRaw`SELECT pg_notify('dialer_activity', ${own.companyId})`;
      const kept = valueOf(await next);
      expect(kept.scripts.find((s) => s.id === script.id)?.name).toBe(before);

      // A change through the trigger (migration monitor_settings_notify) reaches the next snapshot within 2 s.
      next = stream.next();
      let started = Date.now();
      await other.company.update({ where: { id: own.companyId }, data: { seatLimit: 7 } });
      const reread = valueOf(await next);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(reread.seats.allowed).toBe(7);
      expect(reread.scripts.find((s) => s.id === script.id)?.name).toBe("改名未通知");

      next = stream.next();
      started = Date.now();
      await other.script.update({ where: { id: script.id }, data: { status: "paused", pauseReason: "manual" } });
      const paused = valueOf(await next);
      expect(Date.now() - started).toBeLessThan(2_000);
      // A paused script with nothing due leaves the table (it was there while enabled).
      expect(reread.scripts.map((s) => s.id)).toContain(script.id);
      expect(paused.scripts.map((s) => s.id)).not.toContain(script.id);
      abort.abort();
    } finally {
      abort.abort();
      await pageProcess.$disconnect();
      await other.$disconnect();
    }
  });
});

describe("平台实时监控 is pushed too: one company's dial re-reads that company's row only", () => {
  it("wakes the platform stream within 2 s of a claim on another connection, and many streams share one computation", async () => {
    const own = await createDialerCompany("monitor-platform-push", { seatsPerScript: 5, seatLimit: 10, dialsPerMinuteScript: 10 });
    const t0 = shanghai(10);
    const script = await createScript(own.companyId, own.clinicIds);
    const patients = await createPatients(own.companyId, own.clinicIds[0]!, 2);
    await queue(own.companyId, script.id, patients.map((p) => p.id), t0);

    const url = inject("databaseUrl");
    const listener = dialerActivityListener(url)!;
    const pageProcess = createPrismaClient(url);
    const dialerProcess = createPrismaClient(url);
    const abort = new AbortController();
    try {
      const open = () => streamPlatformMonitor(pageProcess, { activity: (fn) => listener.subscribe(fn), signal: abort.signal, clock: () => t0 });
      const streams = [open(), open(), open()];
      const firsts = await Promise.all(streams.map((s) => s.next()));
      const first: PlatformMonitor = firsts[0]!.value!;
      // The same value (one computation) for every stream of the process.
      expect(firsts.every((f) => f.value === first)).toBe(true);
      const row = (v: PlatformMonitor) => v.companies.find((c) => c.companyId === own.companyId);
      expect(row(first)?.seats.inUse).toBe(0);
      await new Promise((r) => setTimeout(r, 1_500));
      const next = streams[0]!.next();
      const started = Date.now();
      const tick = await runDialerTick(dialerProcess, { now: t0, workerId: "other-process", companyId: own.companyId });
      expect(tick.claimed).toHaveLength(2);
      let pushed = await next;
      // An earlier notification of another file's company may come first: take values until this company's shows.
      while (!pushed.done && row(pushed.value)?.seats.inUse !== 2 && Date.now() - started < 3_000) pushed = await streams[0]!.next();
      const latency = Date.now() - started;
      if (pushed.done) throw new Error("the stream ended");
      expect(row(pushed.value)).toMatchObject({ seats: { inUse: 2 }, callsLive: 2 });
      expect(latency).toBeLessThan(2_000);
      // The other companies' rows were kept, not read again (the same objects).
      const others = pushed.value.companies.filter((c) => c.companyId !== own.companyId);
      const before = new Map(first.companies.map((c) => [c.companyId, c]));
      expect(others.filter((c) => before.get(c.companyId) === c).length).toBeGreaterThan(0);
    } finally {
      abort.abort();
      await pageProcess.$disconnect();
      await dialerProcess.$disconnect();
    }
  });
});
