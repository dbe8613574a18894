import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/server/db/create-client";
import { Prisma } from "@/server/generated/prisma/client";
import { CarrierRejected, type AttemptCompleted, type CarrierOutcome } from "@/server/ports/carrier";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { applyAttemptResult, applyAttemptResults } from "@/server/services/dialer/apply-attempt-result";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { placeClaimedCall } from "@/server/services/dialer/place-claimed-call";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import type { ClaimedTask } from "@/server/services/dialer/claim-due-tasks";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { settlePlacingClaims } from "@/server/services/dialer/settle-placing-claims";
import { getCallMetrics } from "@/server/services/metrics/get-call-metrics";
import { recountCallTotals } from "@/server/services/metrics/recount-call-totals";
import { readAnsweredPatients, type TotalsFilter, type TotalsRow } from "@/server/services/metrics/read-call-totals";
import { EFFECTIVE_DIALOGUE_MIN_ROUNDS } from "@/server/domain/calls/call-metrics";
import { changeScriptStatus } from "@/server/services/scripts/change-script-status";
import { testDb } from "./fixtures";
import { mulberry32 as rng } from "../../prisma/seed/random";
import { attemptCompleted, createDialerCompany, createPatients, createScript, FakeCarrier, minutes, shanghai } from "./dialer-fixtures";


/** Every total row of a company, zero rows left out (a recount never writes them; running totals may leave them). */
/** The transitions append clinics in the order calls arrive, the recount in id order: compare them as sets. */
const sorted = (column: string) => Prisma.sql`(SELECT coalesce(array_agg(x ORDER BY x), ARRAY[]::text[]) FROM unnest(${Prisma.raw(`"${column}"`)}) x)`;

const counts = (row: TotalsRow | undefined) => ({ answered: Number(row?.answeredPatients ?? 0), effective: Number(row?.effectivePatients ?? 0) });

/** The same figures counted straight from the calls. */
async function patientsFromCalls(db: PrismaClient, f: TotalsFilter) {
  const [row] = await db.$queryRaw<{ answered: bigint; effective: bigint }[]>`
    SELECT count(DISTINCT "patientId") AS answered, count(DISTINCT "patientId") FILTER (WHERE rounds >= ${EFFECTIVE_DIALOGUE_MIN_ROUNDS}) AS effective
    FROM "Call" WHERE "companyId" = ${f.companyId} AND outcome = 'answered'
      AND (${f.scriptIds ?? null}::text[] IS NULL OR "scriptId" = ANY(${f.scriptIds ?? null}::text[]))
      AND (${f.clinicIds ?? null}::text[] IS NULL OR "clinicId" = ANY(${f.clinicIds ?? null}::text[]))`;
  return { answered: Number(row!.answered), effective: Number(row!.effective) };
}

async function snapshot(db: PrismaClient, companyId: string) {
  const daily = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT * FROM (
      SELECT "scriptId", "clinicId", source::text, day::text, sum("pendingTasks")::int AS pending, sum("interceptedTasks")::int AS intercepted,
             sum("failedTasks")::int AS failed, sum("dialedCalls")::int AS dialed, sum("answeredCalls")::int AS answered,
             sum("effectiveCalls")::int AS effective, sum("answeredSeconds")::int AS seconds, sum("failedCalls")::int AS failed_calls,
             sum("billedMinutes")::int AS minutes, sum("interestedCalls")::int AS interested, sum("smsCalls")::int AS sms
      FROM "CallDailyTotal" WHERE "companyId" = ${companyId}
      GROUP BY 1, 2, 3, 4 -- over the shards
    ) d
    WHERE (pending, intercepted, failed, dialed, answered, effective, seconds, failed_calls, minutes, interested, sms) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4`;
  const patients = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT "patientId", ${sorted("clinicIds")} AS clinics, ${sorted("effectiveClinicIds")} AS effective
    FROM "AnsweredPatient" WHERE "companyId" = ${companyId} ORDER BY 1`;
  const scriptPatients = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT "scriptId", "patientId", ${sorted("clinicIds")} AS clinics, ${sorted("effectiveClinicIds")} AS effective
    FROM "ScriptAnsweredPatient" WHERE "companyId" = ${companyId} ORDER BY 1, 2`;
  // The calls' figures by batch, journey node and variant (OutcomeDailyTotal), filed with the same transitions.
  const outcomeCalls = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT "scriptId", "clinicId", source::text, "batchId", "journeyId", "nodeId", "variantId", day::text, "dialedCalls" AS dialed,
           "answeredCalls" AS answered, "effectiveCalls" AS effective, "interestedCalls" AS interested, "billedMinutes" AS minutes, "smsCalls" AS sms
      FROM "OutcomeDailyTotal" WHERE "companyId" = ${companyId}
       AND ("dialedCalls", "answeredCalls", "effectiveCalls", "interestedCalls", "billedMinutes", "smsCalls") <> (0, 0, 0, 0, 0, 0)
     ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
  return { daily, patients, scriptPatients, outcomeCalls };
}

/**
 * Lets the test deliver a call's result while createCall is still returning (the result beats our Call row), and
 * answers lookups by clientRef as a real vendor does, so a placement whose answer we never stored is adopted.
 */
class RacingCarrier extends FakeCarrier {
  async findCallByClientRef(clientRef: string) {
    return this.dialsPerRef().has(clientRef) ? { carrierCallId: this.carrierCallIdOf(clientRef), callerId: "13800001111" } : null;
  }
  beforeReturn: ((clientRef: string, carrierCallId: string) => Promise<void>) | null = null;
  override async createCall(input: Parameters<FakeCarrier["createCall"]>[0]) {
    const accepted = await super.createCall(input);
    const hook = this.beforeReturn;
    this.beforeReturn = null;
    if (hook) await hook(input.clientRef, accepted.carrierCallId);
    return accepted;
  }
}

const OUTCOMES: CarrierOutcome[] = ["answered", "answered", "answered", "noAnswer", "busy", "rejected", "poweredOff", "emptyNumber", "failed"];

describe("running totals (CallDailyTotal, answered patients)", () => {
  it("equal a full recount from the rows after a randomized campaign with redials, duplicates, races, crashes and a stop", async () => {
    const seed = Number(process.env.TOTALS_SEED ?? Date.now() % 1_000_000);
    const random = rng(seed);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const db = testDb();
    const carrier = new RacingCarrier();
    const company = await createDialerCompany(`totals-${seed}`, { seatsPerScript: 8, dialsPerMinuteScript: 30, redialMaxAttempts: 2 });
    const viewer = (await loadViewer(db, company.admin.id))!;
    const scope = { companyId: company.companyId, clinicIds: viewer.clinicIds };
    const [c1, c2] = company.clinicIds as [string, string];
    const scripts = [
      await createScript(company.companyId, [c1, c2]),
      await createScript(company.companyId, [c1, c2]),
      await createScript(company.companyId, [c1, c2], { category: "marketing" }),
    ];
    const patients = [
      ...(await createPatients(company.companyId, c1, 25)),
      ...(await createPatients(company.companyId, c2, 20)),
      ...(await createPatients(company.companyId, c2, 3, { mobile: null })), // fail at creation: 客户暂无手机号
    ];
    // Company opt-outs: their tasks are intercepted when claimed.
    await db.dncEntry.createMany({ data: patients.slice(0, 3).map((p) => ({ companyId: company.companyId, kind: "optOut" as const, mobile: p.mobile })) });

    const t0 = shanghai(10);
    const addTasks = async (now: Date, script = pick(scripts)) => {
      const chosen = patients.filter(() => random() < 0.4);
      await db.$transaction(async (tx) => {
        const loaded = await loadScriptForTasks(tx, company.companyId, script.id);
        if (loaded) await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: chosen.map((p) => ({ patientId: p.id })), source: random() < 0.5 ? "batch" : "journey", now });
      });
    };
    const inCall: { ref: string; carrierCallId: string }[] = [];
    const unplaced: ClaimedTask[] = [];
    /** Placements the carrier accepted while our process "died" before writing the Call row. */
    const crashed: ClaimedTask[] = [];
    let adopted = 0;
    let stopped = false;
    /** Tasks of patients moved to the other clinic: placed and answered, never left to chance. */
    const movedTasks = new Set<string>();
    const answerNow = new Set<string>();
    /** The first claim always takes the crash-then-adopt path, so every seed exercises adoption. */
    let crashForced = false;
    for (let step = 0; step < 30; step++) {
      const now = minutes(t0, step * 7);
      if (step % 6 === 0) await addTasks(now);
      // Patients who move to the other clinic: their later calls are that clinic's, so one patient spans both. From step
      // 12 on (until someone has moved) their new tasks are on a script they never had, so no per-script rule intercepts
      // them, and those calls are always placed and answered below: every seed has a patient answered in both clinics.
      if (step >= 12 && movedTasks.size === 0) {
        const answered = await db.call.findMany({ where: { companyId: company.companyId, clinicId: c1, outcome: "answered" }, distinct: ["patientId"], select: { patientId: true } });
        for (const target of [scripts[2]!, scripts[0]!]) {
          const hadTarget = new Set((await db.callTask.findMany({ where: { scriptId: target.id }, select: { patientId: true } })).map((t) => t.patientId));
          const moved = answered.map((c) => c.patientId).filter((id) => !hadTarget.has(id)).slice(0, 10);
          if (moved.length === 0) continue;
          await db.patient.updateMany({ where: { id: { in: moved } }, data: { clinicId: c2 } });
          await db.$transaction(async (tx) => {
            const loaded = await loadScriptForTasks(tx, company.companyId, target.id);
            if (loaded) await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: moved.map((patientId) => ({ patientId })), source: "batch", now });
          });
          const tasks = await db.callTask.findMany({ where: { scriptId: target.id, patientId: { in: moved }, status: "pending" }, select: { id: true } });
          for (const t of tasks) movedTasks.add(t.id);
          break;
        }
      }
      if (step === 18 && !stopped) {
        await addTasks(now, scripts[1]!); // so the stop has undialed tasks to cancel
        await changeScriptStatus(db, scope, viewer, "stop", { id: scripts[1]!.id });
        stopped = true;
      }
      // Reconciliation settles the placements a crash left without their Call row (3 min later: every step is 7).
      const settled = await settlePlacingClaims(db, carrier, now, company.companyId);
      adopted += settled.adopted;
      for (const claim of crashed.splice(0)) {
        const ref = clientRefOf(claim.taskId, claim.attempt);
        const row = await db.call.findUnique({ where: { taskId_attempt: { taskId: claim.taskId, attempt: claim.attempt } }, select: { outcome: true } });
        if (row && row.outcome === null) inCall.push({ ref, carrierCallId: carrier.carrierCallIdOf(ref) });
      }
      const claimed = (await runDialerTick(db, { now, workerId: `w${step % 2}`, companyId: company.companyId })).claimed;
      for (const claim of [...claimed, ...unplaced.splice(0)]) {
        const ref = clientRefOf(claim.taskId, claim.attempt);
        if (movedTasks.has(claim.taskId)) {
          const placed = await placeClaimedCall(db, carrier, claim, now);
          if (placed.status === "placed") {
            answerNow.add(ref);
            inCall.push({ ref, carrierCallId: placed.carrierCallId });
          }
          continue;
        }
        const roll = crashForced ? random() : 0.06;
        crashForced = true;
        if (roll < 0.05) continue; // the worker "crashed" before placing: recovery releases the claim later
        if (roll < 0.09) {
          // The carrier accepted, then the worker died before our Call row: adopted by clientRef at a later step.
          carrier.afterAccept = new Error("process died");
          const died = await placeClaimedCall(db, carrier, claim, now).then(
            (placed) => placed,
            (error: Error) => error,
          );
          carrier.afterAccept = null;
          // A claim held over from the last step may have lost its task meanwhile (the script was stopped): not placed.
          if (!(died instanceof Error)) {
            expect(died).toMatchObject({ status: "skipped" });
            continue;
          }
          expect(died.message).toBe("process died");
          crashed.push(claim);
          continue;
        }
        if (roll < 0.1) {
          carrier.failNext = new CarrierRejected(random() < 0.5 ? "rateLimited" : "invalidNumber", "test");
          await placeClaimedCall(db, carrier, claim, now);
          // A claim that lost its task never reaches the carrier: the refusal must not fall on the next placement.
          carrier.failNext = null;
          continue;
        }
        if (roll < 0.18) {
          // The result races ahead of our own record of the placement (it creates the Call row), then the placement lands.
          const outcome = pick(OUTCOMES);
          const rounds = Math.floor(random() * 5);
          carrier.beforeReturn = async (clientRef, carrierCallId) => {
            await applyAttemptResult(db, attemptCompleted(clientRef, outcome, { carrierCallId, endedAt: minutes(now, 1), rounds }));
          };
          await placeClaimedCall(db, carrier, claim, now);
          carrier.beforeReturn = null; // as failNext: never the next placement's
          continue;
        }
        if (roll < 0.22) {
          unplaced.push(claim); // placed on the next step, still under its claim
          continue;
        }
        const placed = await placeClaimedCall(db, carrier, claim, now);
        if (placed.status === "placed") inCall.push({ ref, carrierCallId: placed.carrierCallId });
      }
      // Results of some calls in progress, some delivered twice, in random order, applied in batches of random size
      // (a copy may share its original's batch or come in a later one).
      const results: AttemptCompleted[] = [];
      for (const call of inCall.splice(0).sort(() => random() - 0.5)) {
        if (answerNow.delete(call.ref)) {
          results.push(attemptCompleted(call.ref, "answered", { carrierCallId: call.carrierCallId, endedAt: minutes(now, 3), talkSeconds: 60, rounds: 3 }));
          continue;
        }
        if (random() < 0.3) {
          inCall.push(call);
          continue;
        }
        const talk = Math.floor(random() * 200);
        const result = attemptCompleted(call.ref, pick(OUTCOMES), { carrierCallId: call.carrierCallId, endedAt: minutes(now, 3), talkSeconds: talk, rounds: Math.floor(random() * 6) });
        results.push(result);
        if (random() < 0.3) results.push({ ...result, eventId: `${result.eventId}-dup` });
      }
      while (results.length > 0) await applyAttemptResults(db, results.splice(0, 1 + Math.floor(random() * 12)));
    }

    // Tasks created after the last tick are still pending, so the pending figure is always part of the comparison.
    await addTasks(minutes(t0, 30 * 7), scripts[0]);

    const kept = await snapshot(db, company.companyId);
    const before = await getCallMetrics(db, scope);
    await recountCallTotals(db, company.companyId);
    const recounted = await snapshot(db, company.companyId);
    expect(kept, `seed ${seed}`).toEqual(recounted);
    expect((await getCallMetrics(db, scope)).total).toEqual(before.total);

    // The campaign exercised every kind of figure, so the comparison above had something to disagree about.
    const tasks = await db.callTask.groupBy({ by: ["status"], where: { companyId: company.companyId }, _count: true });
    const statuses = new Set(tasks.map((t) => t.status));
    for (const s of ["pending", "ended", "intercepted", "failed", "cancelled"] as const) expect(statuses, `seed ${seed}: ${s}`).toContain(s);
    const calls = await db.call.count({ where: { companyId: company.companyId } });
    const redials = await db.call.count({ where: { companyId: company.companyId, attempt: 2 } });
    expect(redials).toBeGreaterThan(0);
    expect(adopted, `seed ${seed}: placements adopted after a crash`).toBeGreaterThan(0);
    expect(before.total.execution.dialed).toBe(calls);
    expect(before.total.calls.answeredPatients).toBeGreaterThan(0);

    // 接听客户数 / 有效对话客户数 read from the answered-patient rows equal distinct patients counted from the calls, for
    // the company, a clinic, one script, scripts together, a script in a clinic, and per script.
    const filters: TotalsFilter[] = [
      { companyId: company.companyId },
      { companyId: company.companyId, clinicIds: [c1] },
      { companyId: company.companyId, clinicIds: [c2] },
      { companyId: company.companyId, scriptIds: [scripts[0]!.id] },
      { companyId: company.companyId, scriptIds: [scripts[0]!.id, scripts[2]!.id] },
      { companyId: company.companyId, scriptIds: [scripts[1]!.id], clinicIds: [c2] },
    ];
    for (const f of filters) {
      const [read] = await readAnsweredPatients(db, f, false);
      expect(counts(read), `seed ${seed}: ${JSON.stringify(f)}`).toEqual(await patientsFromCalls(db, f));
    }
    const perScript = await readAnsweredPatients(db, { companyId: company.companyId }, true);
    for (const row of perScript) {
      const f = { companyId: company.companyId, ...(row.key ? { scriptIds: [row.key] } : {}) };
      expect(counts(row), `seed ${seed}: per script ${row.key}`).toEqual(await patientsFromCalls(db, f));
    }
    expect(perScript.filter((r) => r.key === null)).toHaveLength(1); // the total, beside each script with an answered call
    expect(perScript.length).toBeGreaterThan(1);
    const spanning = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "AnsweredPatient" WHERE "companyId" = ${company.companyId} AND cardinality("clinicIds") > 1`;
    expect(Number(spanning[0]!.n), `seed ${seed}: a patient answered in both clinics`).toBeGreaterThan(0);
  }, 180_000);

  it("equal a recount after a placement is adopted: the carrier accepted, our process died before the Call row", async () => {
    const db = testDb();
    const carrier = new RacingCarrier();
    const company = await createDialerCompany("totals-adopt");
    const viewer = (await loadViewer(db, company.admin.id))!;
    const scope = { companyId: company.companyId, clinicIds: viewer.clinicIds };
    const script = await createScript(company.companyId, company.clinicIds);
    const patients = await createPatients(company.companyId, company.clinicIds[0]!, 3);
    const t0 = shanghai(10);
    await db.$transaction(async (tx) => {
      const loaded = (await loadScriptForTasks(tx, company.companyId, script.id))!;
      await insertCallTasks(tx, { companyId: company.companyId, script: loaded, seeds: patients.map((p) => ({ patientId: p.id })), source: "batch", now: t0 });
    });
    const [claim] = (await runDialerTick(db, { now: t0, workerId: "w", companyId: company.companyId })).claimed;
    carrier.afterAccept = new Error("process died");
    await expect(placeClaimedCall(db, carrier, claim!, t0)).rejects.toThrow("process died");
    expect(await settlePlacingClaims(db, carrier, minutes(t0, 4), company.companyId)).toEqual({ adopted: 1, released: 0 });

    const execution = async () => (await getCallMetrics(db, scope)).total.execution;
    const kept = { totals: await snapshot(db, company.companyId), execution: await execution() };
    expect(kept.execution.dialed).toBe(1); // 呼叫数: the adopted call
    await recountCallTotals(db, company.companyId);
    expect(kept).toEqual({ totals: await snapshot(db, company.companyId), execution: await execution() });
  });
});
