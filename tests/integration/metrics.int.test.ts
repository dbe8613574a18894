import { beforeAll, describe, expect, it } from "vitest";
import { getCallMetrics, getExecutionStats } from "@/server/services/metrics/get-call-metrics";
import { getJourneyCallTotals, getJourneyNodeMetrics } from "@/server/services/metrics/get-journey-metrics";
import { recountCallTotals } from "@/server/services/metrics/recount-call-totals";
import { testDb } from "./fixtures";
import { createDialerCompany, createPatients, createScript, minutes, shanghai } from "./dialer-fixtures";

type Status = "pending" | "dialing" | "intercepted" | "failed" | "cancelled" | "ended";

/**
 * Hand-computed fixture (seed §6, §7 definitions):
 *   tasks  T1 pending, T2 dialing, T3 intercepted, T4 failed (creation check), T5 cancelled (话术停用)
 *          T6 无应答 then answered 80 s / 4 rounds (P6)        T7 answered 40 s / 2 rounds (P7)
 *          T8 answered 30 s / 3 rounds (P8, journey node N)    T9 answered 50 s / 5 rounds (P8 again, node N)
 *          T10 呼叫失败
 *   待呼 2 · 拦截 1 · 失败通话 1 (T10 呼叫失败) · 下发失败 2 (T4, T5) · 已呼 6 calls · 接听 4 calls of 3 patients (P6, P7, P8) · 接听率 4/6 = 66.7 %
 *   有效对话 (≥ 2 rounds: 对话达2轮以上 includes 2) 4 calls of 3 patients (P6, P7, P8) · 有效对话率 4/6 = 66.7 % · 平均通话时长 (80+40+30+50)/4 = 50 s
 *   node N: 已呼 2 · 接听 2 calls, 1 patient · 有效 2 · 100 % · 40 s · coverage 3 entries: 2 dispatched, 1 failed
 */
describe("the metrics service on a hand-computed fixture", () => {
  let ctx: { scope: { companyId: string; clinicIds: string[] }; scriptId: string; journeyId: string; nodeId: string; patients: { id: string; mobile: string | null }[] };

  beforeAll(async () => {
    const db = testDb();
    const company = await createDialerCompany("metrics");
    const script = await createScript(company.companyId, company.clinicIds);
    const patients = await createPatients(company.companyId, company.clinicIds[0]!, 10);
    const p = (i: number) => patients[i - 1]!;
    const journey = await db.journey.create({ data: { companyId: company.companyId, name: "指标测试", nodes: { create: { kind: "outbound" } } }, include: { nodes: true } });
    const nodeId = journey.nodes[0]!.id;
    const t0 = shanghai(10);
    const roster = async (patientId: string, status: "dispatched" | "dispatchFailed") =>
      (await db.journeyRosterEntry.create({ data: { journeyId: journey.id, nodeId, patientId, status } })).id;

    const task = async (n: number, patient: number, status: Status, calls: [outcome: "answered" | "noAnswer" | "failed", sec: number, rounds: number][] = [], rosterEntryId?: string) => {
      const t = await db.callTask.create({
        data: {
          companyId: company.companyId,
          clinicId: company.clinicIds[0]!,
          scriptId: script.id,
          patientId: p(patient).id,
          mobile: p(patient).mobile,
          source: rosterEntryId ? "journey" : "batch",
          rosterEntryId: rosterEntryId ?? null,
          maxAttempts: 2,
          status,
          attempt: calls.length,
        },
      });
      for (const [i, [outcome, sec, rounds]] of calls.entries()) {
        await db.call.create({
          data: {
            companyId: company.companyId,
            clinicId: company.clinicIds[0]!,
            scriptId: script.id,
            taskId: t.id,
            patientId: p(patient).id,
            mobile: p(patient).mobile!,
            attempt: i + 1,
            outcome,
            durationSec: sec,
            rounds,
            dialedAt: minutes(t0, n * 10 + i),
          },
        });
      }
    };
    await task(1, 1, "pending");
    await task(2, 2, "dialing");
    await task(3, 3, "intercepted");
    await task(4, 4, "failed");
    await task(5, 5, "cancelled");
    await task(6, 6, "ended", [["noAnswer", 0, 0], ["answered", 80, 4]]);
    await task(7, 7, "ended", [["answered", 40, 2]]);
    await task(8, 8, "ended", [["answered", 30, 3]], await roster(p(8).id, "dispatched"));
    await task(9, 8, "ended", [["answered", 50, 5]], await roster(p(9).id, "dispatched"));
    await roster(p(10).id, "dispatchFailed");
    await task(10, 10, "ended", [["failed", 0, 0]]);
    // Rows written directly, not through the transitions: rebuild the running totals the metrics read.
    await recountCallTotals(db, company.companyId);
    ctx = { scope: { companyId: company.companyId, clinicIds: company.clinicIds }, scriptId: script.id, journeyId: journey.id, nodeId, patients };
  });

  it("gives a script's 执行数据 and 通话数据 exactly", async () => {
    const { total, byScript } = await getCallMetrics(testDb(), ctx.scope, { scriptIds: [ctx.scriptId] });
    const expected = {
      execution: { pending: 2, intercepted: 1, dialed: 6, failed: 1, dispatchFailed: 2 },
      calls: { answeredPatients: 3, answerRate: 66.7, effectivePatients: 3, effectiveRate: 66.7, avgDurationSec: 50 },
    };
    expect(byScript.get(ctx.scriptId)).toEqual(expected);
    expect(total).toEqual(expected);
  });

  it("gives a journey node the same figures over its tasks, with its coverage", async () => {
    const nodes = await getJourneyNodeMetrics(testDb(), ctx.scope, ctx.journeyId);
    expect(nodes[ctx.nodeId]).toEqual({
      execution: { pending: 0, intercepted: 0, dialed: 2, failed: 0, dispatchFailed: 0 },
      calls: { answeredPatients: 1, answerRate: 100, effectivePatients: 1, effectiveRate: 100, avgDurationSec: 40 },
      answeredCalls: 2,
      effectiveCalls: 2,
      coverage: { total: 3, dispatched: 2, dispatchFailed: 1 },
    });
    expect(await getJourneyCallTotals(testDb(), ctx.scope)).toEqual({ dialedCalls: 2, answeredCalls: 2 });
  });

  it("counts several scripts in one pass: each as if alone, and the total counts a patient once", async () => {
    const db = testDb();
    const { companyId, clinicIds } = ctx.scope;
    const second = await createScript(companyId, clinicIds);
    // Second script: P6 answered again, 60 s / 3 rounds (effective on both scripts); P1 answered 20 s / 1 round.
    for (const [i, [patient, sec, rounds]] of ([[6, 60, 3], [1, 20, 1]] as const).entries()) {
      const p = ctx.patients[patient - 1]!;
      const t = await db.callTask.create({ data: { companyId, clinicId: clinicIds[0]!, scriptId: second.id, patientId: p.id, mobile: p.mobile, source: "batch", status: "ended", attempt: 1, maxAttempts: 2 } });
      await db.call.create({
        data: { companyId, clinicId: clinicIds[0]!, scriptId: second.id, taskId: t.id, patientId: p.id, mobile: p.mobile!, attempt: 1, outcome: "answered", durationSec: sec, rounds, dialedAt: minutes(shanghai(11), i) },
      });
    }
    await recountCallTotals(db, companyId);
    const { total, byScript } = await getCallMetrics(db, ctx.scope, { scriptIds: [ctx.scriptId, second.id] });
    expect(byScript.get(ctx.scriptId)).toEqual({
      execution: { pending: 2, intercepted: 1, dialed: 6, failed: 1, dispatchFailed: 2 },
      calls: { answeredPatients: 3, answerRate: 66.7, effectivePatients: 3, effectiveRate: 66.7, avgDurationSec: 50 },
    });
    expect(byScript.get(second.id)).toEqual({
      execution: { pending: 0, intercepted: 0, dialed: 2, failed: 0, dispatchFailed: 0 },
      calls: { answeredPatients: 2, answerRate: 100, effectivePatients: 1, effectiveRate: 50, avgDurationSec: 40 },
    });
    // 接听 P1, P6, P7, P8 (P6 on both scripts, once) · 有效 P6, P7, P8 · 6 of 8 answered · 5 effective · (200 + 80) / 6 s.
    expect(total).toEqual({
      execution: { pending: 2, intercepted: 1, dialed: 8, failed: 1, dispatchFailed: 2 },
      calls: { answeredPatients: 4, answerRate: 75, effectivePatients: 3, effectiveRate: 62.5, avgDurationSec: 47 },
    });
    // Every script of the company (话单记录汇总): the company-wide answered-patient set gives the same distinct counts.
    expect((await getCallMetrics(db, ctx.scope)).total).toEqual(total);
    expect(await getExecutionStats(db, ctx.scope, [ctx.scriptId, second.id])).toEqual(
      new Map([
        [ctx.scriptId, { pending: 2, intercepted: 1, dialed: 6, failed: 1, dispatchFailed: 2 }],
        [second.id, { pending: 0, intercepted: 0, dialed: 2, failed: 0, dispatchFailed: 0 }],
      ]),
    );
  });

  it("counts nothing outside the caller's clinics or company", async () => {
    const stranger = await getCallMetrics(testDb(), { companyId: "someone-else", clinicIds: ctx.scope.clinicIds }, { scriptIds: [ctx.scriptId] });
    expect(stranger.total.execution).toEqual({ pending: 0, intercepted: 0, dialed: 0, failed: 0, dispatchFailed: 0 });
    const { total } = await getCallMetrics(testDb(), { companyId: ctx.scope.companyId, clinicIds: [ctx.scope.clinicIds[1]!] }, { scriptIds: [ctx.scriptId] });
    expect(total.execution).toEqual({ pending: 0, intercepted: 0, dialed: 0, failed: 0, dispatchFailed: 0 });
    const other = await getJourneyNodeMetrics(testDb(), { companyId: "someone-else", clinicIds: [] }, ctx.journeyId);
    expect(other).toEqual({});
  });
});
