import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceDueJourneyEntries, advanceJourneyAfterCall } from "@/server/services/journeys/advance-journeys";
import { findDueJourneyRuns, STALE_RUN_MS } from "@/server/services/journeys/find-due-journey-runs";
import { runJourney } from "@/server/services/journeys/run-journey";
import { runJourneyTick } from "@/server/services/journeys/run-journey-tick";
import { callerFor, seeded, testDb } from "./fixtures";
import { createReminderScript, createTaggedPatients, reminderJourneyGraph } from "./journey-fixtures";
import { recountCallTotals } from "@/server/services/metrics/recount-call-totals";

// 10:00 on 5 March 2030 in Shanghai (02:00 UTC); appointments "tomorrow" are on the 6th.
const SLOT = new Date("2030-03-05T02:00:00Z");
const TOMORROW_10 = new Date("2030-03-06T02:00:00Z");
const min = (n: number) => n * 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const DAY = 86_400_000;

type S = Awaited<ReturnType<typeof seeded>>;
let s: S;
const cleanup: { patients: string[]; journeys: string[]; scripts: string[]; segments: string[] } = { patients: [], journeys: [], scripts: [], segments: [] };

beforeAll(async () => {
  s = await seeded();
});
afterAll(async () => {
  const db = testDb();
  await db.journey.deleteMany({ where: { id: { in: cleanup.journeys } } });
  await db.callTask.deleteMany({ where: { scriptId: { in: cleanup.scripts } } });
  await db.script.deleteMany({ where: { id: { in: cleanup.scripts } } });
  await db.segment.deleteMany({ where: { id: { in: cleanup.segments } } });
  await db.patient.deleteMany({ where: { id: { in: cleanup.patients } } });
});

/** A published 预约到店提醒 journey over the patients tagged `tag` (plus, optionally, 明天有预约), published at 11:00 the day before SLOT. */
async function publishedJourney(tag: string, opts: { tomorrowOnly?: boolean } = {}) {
  const asAdmin = await callerFor(s.a.admin.id);
  const clinic = s.a.company.clinics[0]!;
  const script = await createReminderScript(s.a.company.id, clinic.id, `旅程提醒-${tag}`);
  cleanup.scripts.push(script.id);
  const conditions = [{ kind: "tags" as const, tags: [tag] }, ...(opts.tomorrowOnly ? [{ kind: "appointment" as const, window: "tomorrow" as const }] : [])];
  const segment = await asAdmin.segments.create({ name: `人群-${tag}`, definition: { conditions } });
  cleanup.segments.push(segment.id);
  const { id } = await asAdmin.journeys.create({ name: `旅程-${tag}`, clinicId: clinic.id });
  cleanup.journeys.push(id);
  const saved = await asAdmin.journeys.save({ id, name: `旅程-${tag}`, graph: reminderJourneyGraph(segment.id, script.id) });
  expect(await asAdmin.journeys.changeStatus({ id, action: "publish" })).toEqual({ ok: true, status: "published" });
  await testDb().journey.update({ where: { id }, data: { publishedAt: at(SLOT, -DAY + 3_600_000) } });
  return { id, node: saved.nodeIds as Record<string, string>, scriptId: script.id, asAdmin };
}

async function roster(journeyId: string) {
  const rows = await testDb().journeyRosterEntry.findMany({
    where: { journeyId },
    include: { node: { select: { label: true, kind: true } }, patient: { select: { name: true } }, callTask: true },
  });
  return rows;
}

async function endCall(taskId: string, outcome: { status: "ended" | "intercepted"; intent: string | null }, now: Date) {
  await testDb().callTask.update({
    where: { id: taskId },
    data: { status: outcome.status, intent: outcome.intent, lastOutcome: outcome.status === "ended" ? "answered" : null, finishedAt: now },
  });
}

describe("dispatching a 智能外呼组件", () => {
  it("creates call tasks for those who pass MA's checks and records why the others failed", async () => {
    const tag = `下发-${Date.now().toString(36)}`;
    const ids = await createTaggedPatients(s.a.company.id, s.a.company.clinics[0]!.id, tag, [
      { key: "ok1", appointmentAt: TOMORROW_10 },
      { key: "ok2", appointmentAt: TOMORROW_10 },
      { key: "noMobile", mobile: null, appointmentAt: TOMORROW_10 },
      { key: "relative", hasOwnMobile: false, appointmentAt: TOMORROW_10 },
      { key: "unregistered", registered: false, appointmentAt: TOMORROW_10 },
      { key: "noAppointment" },
    ]);
    cleanup.patients.push(...Object.values(ids));
    const j = await publishedJourney(tag);

    const tick = await runJourneyTick(testDb(), at(SLOT, min(1)));
    const mine = tick.runs.find((r) => r.journeyId === j.id);
    expect(mine).toMatchObject({ status: "ran", entered: 6, dispatched: 2, failed: 4 });

    const res = await j.asAdmin.journeys.roster({ journeyId: j.id, nodeId: j.node.call!, pageSize: 50 });
    expect(res.counts).toEqual({ dispatching: 0, dispatched: 2, dispatchFailed: 4 });
    const byName = Object.fromEntries(res.items.map((r) => [r.patient.name, r]));
    expect(byName["旅程ok1"]).toMatchObject({ status: "dispatched", failReason: null });
    expect(byName["旅程noMobile"]).toMatchObject({ status: "dispatchFailed", failReason: "客户暂无手机号" });
    expect(byName["旅程relative"]).toMatchObject({ status: "dispatchFailed", failReason: "手机号非本人（如家属号码），不外呼" });
    expect(byName["旅程unregistered"]).toMatchObject({ status: "dispatchFailed", failReason: "客户不是建档患者" });
    expect(byName["旅程noAppointment"]).toMatchObject({ status: "dispatchFailed", failReason: "客户未找到预约信息" });

    const tasks = await testDb().callTask.findMany({ where: { scriptId: j.scriptId } });
    const pending = tasks.filter((t) => t.status === "pending");
    expect(pending.map((t) => t.patientId).sort()).toEqual([ids.ok1, ids.ok2].sort());
    expect(pending.every((t) => t.source === "journey" && t.rosterEntryId && t.mobile)).toBe(true);
    // Nobody who failed the check is waiting to be called.
    expect(tasks.filter((t) => t.status === "failed").map((t) => t.patientId).sort()).toEqual(
      [ids.noMobile, ids.relative, ids.unregistered, ids.noAppointment].sort(),
    );

    // A dispatched patient the dialer then intercepts by a rule: the roster says so and names the rule.
    const blocked = pending.find((t) => t.patientId === ids.ok2)!;
    await testDb().callTask.update({ where: { id: blocked.id }, data: { status: "intercepted", reason: "sameScriptWithin15Days" } });
    const after = await j.asAdmin.journeys.roster({ journeyId: j.id, nodeId: j.node.call!, pageSize: 50 });
    const rows = Object.fromEntries(after.items.map((r) => [r.patient.name, r]));
    expect(rows["旅程ok2"]).toMatchObject({ status: "dispatched", callBlocked: { status: "intercepted", reason: "同一手机号15天内限拨打1次" } });
    expect(rows["旅程ok1"]).toMatchObject({ status: "dispatched", callBlocked: null });
  });
});

describe("scheduled runs", () => {
  it("run each scheduled instant once, and after downtime only the latest missed one", async () => {
    const tag = `调度-${Date.now().toString(36)}`;
    const ids = await createTaggedPatients(s.a.company.id, s.a.company.clinics[0]!.id, tag, [{ key: "p", appointmentAt: TOMORROW_10 }]);
    cleanup.patients.push(...Object.values(ids));
    const j = await publishedJourney(tag);
    const db = testDb();
    const dueFor = async (now: Date) => (await findDueJourneyRuns(db, now)).filter((d) => d.journeyId === j.id);

    // Published after the 4th's 10:00: nothing is due before the 5th's.
    expect(await dueFor(at(SLOT, -min(1)))).toEqual([]);
    expect(await dueFor(at(SLOT, min(5)))).toEqual([{ journeyId: j.id, scheduledFor: SLOT }]);

    const [a, b] = await Promise.all([
      runJourney(db, { journeyId: j.id, scheduledFor: SLOT }, at(SLOT, min(5))),
      runJourney(db, { journeyId: j.id, scheduledFor: SLOT }, at(SLOT, min(5))),
    ]);
    // Two workers race for the same instant: exactly one claims it; the other resumes or skips it, adding nobody.
    const fresh = [a, b].filter((r) => r.status === "ran" && !r.resumed);
    expect(fresh).toHaveLength(1);
    expect([a, b].reduce((n, r) => n + (r.status === "ran" ? r.dispatched : 0), 0)).toBe(1);
    expect(await dueFor(at(SLOT, min(6)))).toEqual([]);
    expect(await db.journeyRosterEntry.count({ where: { journeyId: j.id, nodeId: j.node.call } })).toBe(1);

    // Down from just after the 5th's run until 15:00 on the 8th: only the 8th's 10:00 runs, once.
    const back = at(SLOT, 3 * DAY + 5 * 3_600_000);
    expect(await dueFor(back)).toEqual([{ journeyId: j.id, scheduledFor: at(SLOT, 3 * DAY) }]);
    await runJourneyTick(db, back);
    await runJourneyTick(db, at(back, min(1)));
    const runs = await db.journeyRun.findMany({ where: { journeyId: j.id }, orderBy: { scheduledFor: "asc" } });
    expect(runs.map((r) => r.scheduledFor.toISOString())).toEqual([SLOT.toISOString(), at(SLOT, 3 * DAY).toISOString()]);
    expect(runs.every((r) => r.finishedAt)).toBe(true);
  });

  it("resumes a run that died halfway without entering anyone twice", async () => {
    const tag = `续跑-${Date.now().toString(36)}`;
    const ids = await createTaggedPatients(s.a.company.id, s.a.company.clinics[0]!.id, tag, [
      { key: "x", appointmentAt: TOMORROW_10 },
      { key: "y", appointmentAt: TOMORROW_10 },
    ]);
    cleanup.patients.push(...Object.values(ids));
    const j = await publishedJourney(tag);
    const db = testDb();
    const first = await runJourney(db, { journeyId: j.id, scheduledFor: SLOT }, at(SLOT, min(1)));
    expect(first).toMatchObject({ status: "ran", resumed: false, dispatched: 2 });
    // The process "died" before marking the run finished.
    await db.journeyRun.updateMany({ where: { journeyId: j.id }, data: { finishedAt: null } });
    // While the run is fresh another process may still be working on it: nobody else picks it up.
    expect((await findDueJourneyRuns(db, at(SLOT, min(2)))).filter((d) => d.journeyId === j.id)).toEqual([]);
    const stale = at(SLOT, min(1) + STALE_RUN_MS);
    expect((await findDueJourneyRuns(db, stale)).filter((d) => d.journeyId === j.id)).toEqual([{ journeyId: j.id, scheduledFor: SLOT }]);
    const again = await runJourney(db, { journeyId: j.id, scheduledFor: SLOT }, stale);
    expect(again).toMatchObject({ status: "ran", resumed: true, dispatched: 0 });
    expect(await db.callTask.count({ where: { scriptId: j.scriptId } })).toBe(2);
    expect(await runJourney(db, { journeyId: j.id, scheduledFor: SLOT }, at(SLOT, min(3) + STALE_RUN_MS))).toEqual({ status: "skipped", reason: "alreadyRan" });
  });

  it("does not run paused journeys", async () => {
    const tag = `暂停-${Date.now().toString(36)}`;
    const j = await publishedJourney(tag);
    await j.asAdmin.journeys.changeStatus({ id: j.id, action: "pause" });
    expect((await findDueJourneyRuns(testDb(), at(SLOT, min(5)))).filter((d) => d.journeyId === j.id)).toEqual([]);
    expect(await runJourney(testDb(), { journeyId: j.id, scheduledFor: SLOT }, at(SLOT, min(5)))).toEqual({ status: "skipped", reason: "notPublished" });
  });
});

describe("客户意向多分支 after the call", () => {
  it("routes each patient down the branch its classified intent matches", async () => {
    const tag = `分支-${Date.now().toString(36)}`;
    const ids = await createTaggedPatients(s.a.company.id, s.a.company.clinics[0]!.id, tag, [
      { key: "confirms", appointmentAt: TOMORROW_10 },
      { key: "cancels", appointmentAt: TOMORROW_10 },
      { key: "blocked", appointmentAt: TOMORROW_10 },
      { key: "refuses", appointmentAt: TOMORROW_10 },
      { key: "redial", appointmentAt: TOMORROW_10 },
      { key: "unclassified", appointmentAt: TOMORROW_10 },
    ]);
    cleanup.patients.push(...Object.values(ids));
    const j = await publishedJourney(tag, { tomorrowOnly: true });
    const db = testDb();
    await runJourney(db, { journeyId: j.id, scheduledFor: SLOT }, at(SLOT, min(1)));
    const tasks = await db.callTask.findMany({ where: { scriptId: j.scriptId } });
    const task = (key: string) => tasks.find((t) => t.patientId === ids[key])!;
    const t1 = at(SLOT, min(30));

    await endCall(task("confirms").id, { status: "ended", intent: "confirmed" }, t1);
    await endCall(task("cancels").id, { status: "ended", intent: "cancelled" }, t1);
    await endCall(task("blocked").id, { status: "intercepted", intent: null }, t1);
    await endCall(task("refuses").id, { status: "ended", intent: "refused" }, t1);
    // A redial is still to come: the patient stays where they are.
    await db.callTask.update({ where: { id: task("redial").id }, data: { status: "pending", attempt: 1, lastOutcome: "noAnswer" } });
    // Ended, but its intent is not classified yet: only the sweep sees it, and waits.
    await endCall(task("unclassified").id, { status: "ended", intent: null }, t1);
    for (const key of Object.keys(ids).filter((k) => k !== "unclassified")) {
      await advanceJourneyAfterCall(db, task(key).id, t1);
      await advanceJourneyAfterCall(db, task(key).id, t1); // twice: nothing moves twice
    }

    const where = async () => {
      const rows = await roster(j.id);
      const out: Record<string, string[]> = {};
      for (const r of rows) (out[r.node.label ?? r.node.kind] ??= []).push(r.patient.name.replace("旅程", ""));
      for (const k of Object.keys(out)) out[k]!.sort();
      return out;
    };
    expect(await where()).toEqual({
      outbound: ["blocked", "cancels", "confirms", "redial", "refuses", "unclassified"],
      确认到店: ["confirms"],
      wait: ["cancels"],
      其余: ["blocked", "refuses"],
    });
    const callRows = await db.journeyRosterEntry.findMany({ where: { nodeId: j.node.call }, include: { patient: true } });
    const branchOf = Object.fromEntries(callRows.map((r) => [r.patient.name.replace("旅程", ""), r.branchKey]));
    expect(branchOf).toEqual({ confirms: "A", cancels: "B", blocked: "empty", refuses: "other", redial: null, unclassified: null });

    // The sweep gives classification a grace period, then routes the call without an intent to 默认为空.
    expect((await advanceDueJourneyEntries(db, at(t1, min(1)))).advanced).toBe(0);
    expect((await advanceDueJourneyEntries(db, at(t1, min(11)))).advanced).toBe(1);
    expect((await where())["其余"]).toEqual(["blocked", "refuses", "unclassified"]);

    // The wait is a day; a sweep before that moves nobody, one after it moves the patient on.
    expect((await advanceDueJourneyEntries(db, at(t1, DAY - min(1)))).advanced).toBe(0);
    await advanceDueJourneyEntries(db, at(t1, DAY + min(1)));
    expect((await where())["改约跟进"]).toEqual(["cancels"]);

    // The roster shows the branch label and the intent.
    const res = await j.asAdmin.journeys.roster({ journeyId: j.id, nodeId: j.node.call!, pageSize: 50 });
    const cancels = res.items.find((r) => r.patient.name === "旅程cancels")!;
    expect(cancels).toMatchObject({ intent: "取消预约", branch: "B(需要改约、取消预约)" });
  });

  it("holds patients while the journey is paused and moves them on when it resumes", async () => {
    const tag = `暂停分支-${Date.now().toString(36)}`;
    const ids = await createTaggedPatients(s.a.company.id, s.a.company.clinics[0]!.id, tag, [{ key: "held", appointmentAt: TOMORROW_10 }]);
    cleanup.patients.push(...Object.values(ids));
    const j = await publishedJourney(tag);
    const db = testDb();
    await runJourney(db, { journeyId: j.id, scheduledFor: SLOT }, at(SLOT, min(1)));
    await j.asAdmin.journeys.changeStatus({ id: j.id, action: "pause" });
    const [t] = await db.callTask.findMany({ where: { scriptId: j.scriptId } });
    await endCall(t!.id, { status: "ended", intent: "confirmed" }, at(SLOT, min(20)));
    await advanceJourneyAfterCall(db, t!.id, at(SLOT, min(20)));
    expect(await db.journeyRosterEntry.count({ where: { journeyId: j.id, nodeId: j.node.endA } })).toBe(0);
    expect(await j.asAdmin.journeys.changeStatus({ id: j.id, action: "resume" })).toMatchObject({ ok: true });
    await advanceDueJourneyEntries(db, at(SLOT, min(25)));
    expect(await db.journeyRosterEntry.count({ where: { journeyId: j.id, nodeId: j.node.endA } })).toBe(1);
  });
});

describe("node metrics and the MA dashboard", () => {
  it("counts a 智能外呼组件's calls with the script pages' formulas, plus its 下发 coverage", async () => {
    const tag = `数据-${Date.now().toString(36)}`;
    const ids = await createTaggedPatients(s.a.company.id, s.a.company.clinics[0]!.id, tag, [
      { key: "talks", appointmentAt: TOMORROW_10 },
      { key: "brief", appointmentAt: TOMORROW_10 },
      { key: "missed", appointmentAt: TOMORROW_10 },
      { key: "waiting", appointmentAt: TOMORROW_10 },
      { key: "noMobile", mobile: null, appointmentAt: TOMORROW_10 },
    ]);
    cleanup.patients.push(...Object.values(ids));
    const j = await publishedJourney(tag);
    const db = testDb();
    // Calls below are written directly, not through the transitions: the running totals are rebuilt around them.
    await recountCallTotals(db, s.a.company.id);
    const before = await j.asAdmin.journeys.dashboard();
    await runJourney(db, { journeyId: j.id, scheduledFor: SLOT }, at(SLOT, min(1)));
    const tasks = await db.callTask.findMany({ where: { scriptId: j.scriptId, status: "pending" } });
    const call = async (key: string, outcome: "answered" | "noAnswer", rounds: number, durationSec: number) => {
      const t = tasks.find((x) => x.patientId === ids[key])!;
      await db.callTask.update({ where: { id: t.id }, data: { status: "ended", lastOutcome: outcome, attempt: 1, finishedAt: at(SLOT, min(10)) } });
      await db.call.create({
        data: { companyId: t.companyId, clinicId: t.clinicId, scriptId: t.scriptId, taskId: t.id, patientId: t.patientId, mobile: t.mobile!, attempt: 1, outcome, rounds, durationSec, dialedAt: at(SLOT, min(9)) },
      });
    };
    await call("talks", "answered", 4, 60);
    await call("brief", "answered", 1, 20);
    await call("missed", "noAnswer", 0, 0);
    await recountCallTotals(db, s.a.company.id);

    const metrics = (await j.asAdmin.journeys.nodeMetrics({ journeyId: j.id }))[j.node.call!]!;
    expect(metrics.execution).toEqual({ pending: 1, intercepted: 0, dialed: 3, failed: 0, dispatchFailed: 1 });
    expect(metrics).toMatchObject({ answeredCalls: 2, effectiveCalls: 1, coverage: { total: 5, dispatched: 4, dispatchFailed: 1 } });
    expect(metrics.calls).toMatchObject({ answerRate: 66.7, effectiveRate: 33.3, avgDurationSec: 40 });

    const after = await j.asAdmin.journeys.dashboard();
    expect(after.outbound!.dialedCalls - before.outbound!.dialedCalls).toBe(3);
    expect(after.outbound!.answeredCalls - before.outbound!.answeredCalls).toBe(2);
    expect(after.journeys.published).toBeGreaterThanOrEqual(1);
    // Company b has not opened 智能外呼: its dashboard has no call figures.
    expect((await (await callerFor(s.b.admin.id)).journeys.dashboard()).outbound).toBeNull();
  });
});

describe("journey editing and publishing rules", () => {
  it("says what is wrong instead of publishing an incomplete journey", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const { id } = await asAdmin.journeys.create({ name: "未完成的旅程", clinicId: s.a.company.clinics[0]!.id });
    cleanup.journeys.push(id);
    const res = await asAdmin.journeys.changeStatus({ id, action: "publish" });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.problems.map((p) => p.message)).toEqual(
        expect.arrayContaining(["开始节点未选择人群", "请至少添加一个触达组件（如智能外呼组件）", "开始节点未连接后续节点"]),
      );
    }
    expect((await asAdmin.journeys.byId({ id })).status).toBe("draft");
  });

  it("refuses to add the 智能外呼组件 in a clinic that has not opened 智能外呼, with the reason", async () => {
    const asB = await callerFor(s.b.admin.id);
    const clinic = s.b.company.clinics[0]!;
    const { id } = await asB.journeys.create({ name: "B的旅程", clinicId: clinic.id });
    cleanup.journeys.push(id);
    const view = await asB.journeys.byId({ id });
    expect(view.outboundAccess).toMatchObject({ ok: false });
    const graph = {
      nodes: [
        { id: "e", kind: "entry" as const, position: { x: 0, y: 0 }, config: { segmentId: null, schedule: null } },
        { id: "o", kind: "outbound" as const, position: { x: 1, y: 0 }, config: { scriptId: null } },
      ],
      edges: [{ id: "1", source: "e", target: "o" }],
    };
    await expect(asB.journeys.save({ id, name: "B的旅程", graph })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("不能添加或编辑智能外呼组件") });
    // Without the outbound node the same journey saves.
    await asB.journeys.save({ id, name: "B的旅程", graph: { nodes: [graph.nodes[0]!], edges: [] } });
  });

  it("keeps a published journey's canvas locked and its roster nodes undeletable", async () => {
    const tag = `锁定-${Date.now().toString(36)}`;
    const ids = await createTaggedPatients(s.a.company.id, s.a.company.clinics[0]!.id, tag, [{ key: "z", appointmentAt: TOMORROW_10 }]);
    cleanup.patients.push(...Object.values(ids));
    const j = await publishedJourney(tag);
    const view = await j.asAdmin.journeys.byId({ id: j.id });
    await expect(j.asAdmin.journeys.save({ id: j.id, name: "x", graph: view.graph })).rejects.toMatchObject({ code: "CONFLICT" });
    await runJourney(testDb(), { journeyId: j.id, scheduledFor: SLOT }, at(SLOT, min(1)));
    await j.asAdmin.journeys.changeStatus({ id: j.id, action: "pause" });
    const withoutCall = { nodes: view.graph.nodes.filter((n) => n.kind !== "outbound"), edges: [] };
    await expect(j.asAdmin.journeys.save({ id: j.id, name: "x", graph: withoutCall })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("已有旅程名单"),
    });
    await expect(j.asAdmin.journeys.delete({ id: j.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("hides one company's journeys from another and from roles without 自动旅程", async () => {
    const asA = await callerFor(s.a.admin.id);
    const { id } = await asA.journeys.create({ name: "A的私有旅程", clinicId: s.a.company.clinics[0]!.id });
    cleanup.journeys.push(id);
    const [asB, asFrontDesk] = await Promise.all([callerFor(s.b.admin.id), callerFor(s.a.frontDesk.id)]);
    await expect(asB.journeys.byId({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asB.journeys.changeStatus({ id, action: "publish" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asB.journeys.list()).map((x) => x.id)).not.toContain(id);
    await expect(asFrontDesk.journeys.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
