import { describe, expect, it } from "vitest";
import { INTERESTED_INTENTS } from "@/server/domain/outcomes/attribution";
import { mulberry32 } from "@/prisma/seed/random";
import { seedCallRecords } from "@/prisma/seed/seed-call-records";
import { setCorrectedIntent } from "@/server/services/calls/set-call-analysis";
import { recountCallTotals } from "@/server/services/metrics/recount-call-totals";
import { recountOutcomes, recreditPatients, recreditStaleCompanies } from "@/server/services/outcomes/credit-outcomes";
import { applySmsReceipts } from "@/server/services/sms/apply-sms-receipts";
import { createDialerCompany, createPatients } from "./dialer-fixtures";
import { callerFor, testDb } from "./fixtures";

/**
 * 效果分析 credits at write time (docs/outcomes.md, "Credits are written"): after a random sequence of answered calls
 * (seedCallRecords, which re-credits as an answered call's result does), appointments made / cancelled / moved, visits,
 * deductions and a change of the attribution window, the stored credits and OutcomeDailyTotal equal a from-scratch
 * recount, and every appointment's credit equals a brute-force last touch. Replay a failure with OUTCOMES_SEED=<seed>.
 */
const HOUR = 3600_000;
const DAY = 24 * HOUR;


async function snapshot(companyId: string) {
  const db = testDb();
  const totals = await db.$queryRaw<{ key: string; appointments: number; visits: number; revenue: bigint; booked: number }[]>`
    SELECT concat_ws('|', "scriptId", "clinicId", source, "batchId", "journeyId", "nodeId", "variantId", day) AS key,
           appointments, visits, "revenueCents" AS revenue, "bookedCalls" AS booked
      FROM "OutcomeDailyTotal" WHERE "companyId" = ${companyId}
       AND (appointments <> 0 OR visits <> 0 OR "revenueCents" <> 0 OR "bookedCalls" <> 0)
     ORDER BY 1`;
  const appointments = await db.appointment.findMany({ where: { companyId }, orderBy: { id: "asc" }, select: { id: true, creditCallId: true, creditScriptId: true, creditDay: true } });
  const visits = await db.visit.findMany({ where: { companyId }, orderBy: { id: "asc" }, select: { id: true, creditCallId: true, creditRevenueCents: true } });
  return { totals: totals.map((t) => ({ ...t, revenue: Number(t.revenue) })), appointments, visits };
}

describe("outcome credits", () => {
  it("stay equal to a from-scratch recount after a random sequence of calls, bookings, visits and deductions", { timeout: 120_000 }, async () => {
    const seed = Number(process.env.OUTCOMES_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const rand = mulberry32(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const db = testDb();
    const company = await createDialerCompany(`credits${seed % 100_000}`);
    const [k1, k2] = company.clinicIds as [string, string];
    const patients = [...(await createPatients(company.companyId, k1, 4)), ...(await createPatients(company.companyId, k2, 3))];
    const base = Date.now() - 80 * DAY;
    const at = (d: number) => new Date(base + d * DAY + int(0, 23) * HOUR);
    const appointmentIds: string[] = [];
    const visits: { patientId: string; clinicId: string; visitedAt: Date }[] = [];
    let scripts = 0;
    let windowChanged = false;

    for (let step = 0; step < 70; step++) {
      const r = rand();
      const p = pick(patients);
      // A booking mostly at the patient's clinic, sometimes at the other one (credited only to that clinic's calls).
      const clinicId = rand() < 0.8 ? p.clinicId : p.clinicId === k1 ? k2 : k1;
      if (r < 0.14) {
        await seedCallRecords(db, { companyId: company.companyId, now: at(int(5, 75)), scriptName: `归因随机-${seed}-${scripts++}`, patientIds: patients.filter(() => rand() < 0.5).map((x) => x.id) });
      } else if (r < 0.42) {
        const createdAt = at(int(0, 78));
        const status = pick(["scheduled", "arrived", "missed", "cancelled"] as const);
        await db.$transaction(async (tx) => {
          const a = await tx.appointment.create({ data: { companyId: company.companyId, clinicId, patientId: p.id, createdAt, startsAt: new Date(createdAt.getTime() + int(0, 8) * DAY), status } });
          appointmentIds.push(a.id);
          await recreditPatients(tx, company.companyId, [p.id]);
        });
      } else if (r < 0.52 && appointmentIds.length > 0) {
        const id = pick(appointmentIds);
        await db.$transaction(async (tx) => {
          const a = await tx.appointment.update({
            where: { id },
            data: rand() < 0.5 ? { status: "cancelled" } : { status: "scheduled", createdAt: at(int(0, 78)) },
          });
          await recreditPatients(tx, company.companyId, [a.patientId]);
        });
      } else if (r < 0.75) {
        const visitedAt = at(int(0, 79));
        await db.$transaction(async (tx) => {
          await tx.visit.create({ data: { companyId: company.companyId, clinicId, patientId: p.id, visitedAt } });
          await recreditPatients(tx, company.companyId, [p.id]);
        });
        visits.push({ patientId: p.id, clinicId, visitedAt });
      } else if (r < 0.95) {
        const v = visits.length > 0 && rand() < 0.8 ? pick(visits) : { patientId: p.id, clinicId, visitedAt: at(int(0, 79)) };
        await db.$transaction(async (tx) => {
          await tx.treatmentDeduction.create({
            data: { companyId: company.companyId, clinicId: v.clinicId, patientId: v.patientId, performedAt: new Date(v.visitedAt.getTime() + int(0, 10) * HOUR), item: "洁牙", amountCents: int(1, 50) * 100 },
          });
          await recreditPatients(tx, company.companyId, [v.patientId]);
        });
      } else {
        // The company's window changes: its credits are marked stale and the cron recomputes them.
        await db.company.update({ where: { id: company.companyId }, data: { attributionWindowDays: int(3, 45), outcomeCreditsStaleAt: new Date() } });
        expect((await recreditStaleCompanies(db)).companies).toBeGreaterThanOrEqual(1);
        expect((await db.company.findUniqueOrThrow({ where: { id: company.companyId } })).outcomeCreditsStaleAt).toBeNull();
        windowChanged = true;
      }
    }

    const incremental = await snapshot(company.companyId);
    expect(incremental.appointments.length, `seed ${seed}`).toBeGreaterThan(0);
    await recountOutcomes(db, company.companyId);
    const fromScratch = await snapshot(company.companyId);
    expect(incremental, `OUTCOMES_SEED=${seed} (window changed: ${windowChanged})`).toEqual(fromScratch);

    // Brute force: an appointment not cancelled is credited to the last answered call of its patient and clinic at or
    // before it was made, within the window.
    const windowDays = (await db.company.findUniqueOrThrow({ where: { id: company.companyId } })).attributionWindowDays ?? 30;
    const calls = await db.call.findMany({ where: { companyId: company.companyId, outcome: "answered" }, select: { id: true, patientId: true, clinicId: true, answeredAt: true, dialedAt: true } });
    const appointments = await db.appointment.findMany({ where: { companyId: company.companyId }, select: { id: true, patientId: true, clinicId: true, createdAt: true, status: true, creditCallId: true } });
    let credited = 0;
    for (const a of appointments) {
      const touch = calls
        .filter((c) => c.patientId === a.patientId && c.clinicId === a.clinicId)
        .map((c) => ({ id: c.id, t: (c.answeredAt ?? c.dialedAt).getTime() }))
        .filter((c) => c.t <= a.createdAt.getTime())
        .sort((x, y) => y.t - x.t)[0];
      const expected = a.status !== "cancelled" && touch && touch.t > a.createdAt.getTime() - windowDays * DAY ? touch.id : null;
      expect(a.creditCallId, `OUTCOMES_SEED=${seed} appointment ${a.id}`).toBe(expected);
      if (expected) credited += 1;
    }

    // The funnel reads the totals: the per-script table's 预约 adds up to the credited appointments.
    const admin = await callerFor(company.admin.id);
    const table = await admin.outcomes.scriptFunnels();
    expect(table.total.booked, `OUTCOMES_SEED=${seed}`).toBe(credited);
  });

  it("files 有意向 (人工修正) and a failed hang-up SMS in CallDailyTotal as a recount counts them", { timeout: 60_000 }, async () => {
    const db = testDb();
    const company = await createDialerCompany("credits-figures");
    const patients = await createPatients(company.companyId, company.clinicIds[0]!, 8);
    const fixture = await seedCallRecords(db, { companyId: company.companyId, now: new Date(), scriptName: "有意向合计", patientIds: patients.map((p) => p.id) });
    const figures = async () => {
      const sums = async (table: "CallDailyTotal" | "OutcomeDailyTotal") => {
        const [row] = await db.$queryRawUnsafe<{ interested: bigint; sms: bigint; minutes: bigint }[]>(
          `SELECT sum("interestedCalls")::bigint AS interested, sum("smsCalls")::bigint AS sms, sum("billedMinutes")::bigint AS minutes FROM "${table}" WHERE "companyId" = $1`,
          company.companyId,
        );
        return { interested: Number(row!.interested), sms: Number(row!.sms), minutes: Number(row!.minutes) };
      };
      const daily = await sums("CallDailyTotal");
      // The same figures by batch / journey node / variant.
      expect(await sums("OutcomeDailyTotal")).toEqual(daily);
      return daily;
    };
    const calls = await db.call.findMany({
      where: { id: { in: fixture.answeredCallIds } },
      orderBy: { id: "asc" },
      select: { id: true, companyId: true, taskId: true, attempt: true, intent: true, intentCorrectedAt: true, proposedTime: true, patientId: true },
    });
    expect(calls.length).toBeGreaterThanOrEqual(3);
    // Two SMS sent after the first two answered calls (written directly, then counted), one reported undelivered.
    for (const [i, c] of calls.slice(0, 2).entries()) {
      await db.smsMessage.create({ data: { companyId: company.companyId, patientId: c.patientId, callId: c.id, mobile: "13800000000", content: "x", status: "sent", providerMessageId: `credits-figures-${c.id}-${i}` } });
    }
    await recountCallTotals(db, company.companyId);
    const start = await figures();
    expect(start.sms).toBe(2);
    expect(start.minutes).toBeGreaterThan(0);

    // 人工修正: one call to 有意向, one from it (when it was) — each files its difference.
    // 有意向 is any of these (docs/metrics.md), so the call corrected "up" must be none of them (the fixture's intents are random).
    const interested = (intent: string | null) => INTERESTED_INTENTS.includes(intent ?? "");
    const up = calls.find((c) => !interested(c.intent) && c.proposedTime === null)!;
    expect(up).toBeDefined();
    await setCorrectedIntent(db, up, { intent: "interested", actorId: company.admin.id, at: new Date() });
    const down = calls.find((c) => c.id !== up.id && c.proposedTime === null)!;
    const wasInterested = interested(down.intent);
    await setCorrectedIntent(db, down, { intent: "notInterested", actorId: company.admin.id, at: new Date() });
    await applySmsReceipts(db, [{ providerMessageId: `credits-figures-${calls[0]!.id}-0`, delivered: false, at: new Date(), code: "MK:0001", description: "失败" }]);
    const after = await figures();
    expect(after, JSON.stringify({ start, up: [up.intent, up.proposedTime], down: [down.intent, down.proposedTime] })).toEqual({ interested: start.interested + 1 - (wasInterested ? 1 : 0), sms: 1, minutes: start.minutes });
    await recountCallTotals(db, company.companyId);
    expect(await figures()).toEqual(after);
  });
});
