/**
 * What the demo's calls led to (issue 26, docs/outcomes.md): the worklist the answered calls asked for (through the
 * product's own createFollowUpsFromCall), some of it worked off (every state: open, overdue, done with each result,
 * cancelled), appointment requests confirmed, rejected or still pending, and appointments, visits and deductions after
 * answered calls at rates that differ by script and A/B variant — so 效果分析 has something to show.
 */
import { createFollowUpsFromCall } from "../../../server/services/follow-ups/create-follow-ups-from-call";
import type { PrismaClient } from "../db";
import { chance, pick, randInt, rngFor } from "../random";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time";
import { seedDemoAbTests } from "./demo-ab-tests";
import type { DemoScriptKey, DemoScripts } from "./demo-scripts";

/** Chance that an answered call of the script leads to a booking (×3 when the patient was interested), and its price. */
const BOOKING: Record<DemoScriptKey, { rate: number; amount: [number, number] }> = {
  implant: { rate: 0.08, amount: [600_000, 1_500_000] },
  reactivation: { rate: 0.04, amount: [20_000, 80_000] },
  kids: { rate: 0.06, amount: [15_000, 40_000] },
  recall: { rate: 0.1, amount: [15_000, 30_000] },
  survey: { rate: 0.01, amount: [10_000, 30_000] },
  postop: { rate: 0.03, amount: [5_000, 20_000] },
  benefit: { rate: 0.07, amount: [10_000, 50_000] },
};
const INTERESTED = new Set(["interested", "somewhatInterested", "confirmed", "reschedule"]);
const PENDING_REQUESTS_KEPT = 4;

export async function seedDemoOutcomes(db: PrismaClient, companyId: string, scripts: DemoScripts, now: Date) {
  const rng = rngFor("demo-history:outcomes");
  await db.company.update({ where: { id: companyId }, data: { callPriceCentsPerMinute: 12, smsPriceCents: 5 } });
  const keyOf = new Map(Object.entries(scripts).map(([key, s]) => [s.id, key as DemoScriptKey]));
  const answered = await db.call.findMany({
    where: { companyId, outcome: "answered" },
    orderBy: [{ dialedAt: "asc" }, { id: "asc" }],
    select: { id: true, patientId: true, clinicId: true, scriptId: true, endedAt: true, dialedAt: true, intent: true, reachedParty: true, complaint: true, callbackRequested: true, proposedTime: true, transferredTo: true, transferAnswered: true },
  });
  // A/B tests: one with a significant difference in bookings, one running without (demo-ab-tests.ts).
  const variantFactor = await seedDemoAbTests(db, scripts);
  const variantOfCall = new Map((await db.call.findMany({ where: { companyId, variantId: { not: null } }, select: { id: true, variantId: true } })).map((c) => [c.id, c.variantId!]));

  // 1. The worklist, as the call-ended pipeline files it.
  for (const c of answered) {
    if (!c.complaint && !c.callbackRequested && !c.proposedTime && c.intent !== "discomfort") continue;
    await createFollowUpsFromCall(db, c.id, {
      reached: c.reachedParty ?? "patient",
      complaint: c.complaint,
      callbackRequested: c.callbackRequested,
      canonical: c.intent === "discomfort" ? "discomfort" : null,
      proposedTime: c.proposedTime,
      // 转人工 nobody answered: the demo's rewritten calls (demo-callbacks.ts).
      transferUnanswered: c.transferredTo !== null && c.transferAnswered === false,
    });
  }
  // Tasks filed for calls more than three days old were mostly worked off; a few were cancelled or are still overdue.
  const tasks = await db.followUpTask.findMany({ where: { companyId, callId: { not: null } }, select: { id: true, dueAt: true, reason: true }, orderBy: { id: "asc" } });
  const requests = await db.appointmentRequest.findMany({ where: { companyId }, orderBy: { createdAt: "asc" }, select: { id: true, followUpTaskId: true, callId: true } });
  const requestTasks = new Set(requests.map((r) => r.followUpTaskId));
  const results = { reached: "已联系", notReachable: "未联系上：两次未接", declined: "拒绝：暂不考虑", booked: "已预约" } as const;
  for (const t of tasks) {
    if (requestTasks.has(t.id) || t.dueAt.getTime() > now.getTime() - 3 * DAY_MS) continue;
    if (chance(rng, 0.12)) continue; // left overdue
    if (chance(rng, 0.08)) {
      await db.followUpTask.update({ where: { id: t.id }, data: { status: "cancelled", openKey: null } });
      continue;
    }
    const outcome = pick(rng, ["reached", "reached", "notReachable", "declined"] as const);
    await db.followUpTask.update({
      where: { id: t.id },
      data: { status: "done", outcome, result: results[outcome], completedAt: new Date(t.dueAt.getTime() - randInt(rng, 10, 300) * MINUTE_MS), openKey: null },
    });
  }

  // 2. 预约意向: the latest few stay pending for the front desk; older ones were confirmed (mostly) or not.
  const callById = new Map(answered.map((c) => [c.id, c]));
  const decided = requests.slice(0, Math.max(0, requests.length - PENDING_REQUESTS_KEPT));
  for (const r of decided) {
    const call = r.callId ? callById.get(r.callId) : undefined;
    if (!call) continue;
    // Decided within a day of the call, never after the seed's now (an appointment "created" in the future would be
    // credited by the hour the demo is seeded).
    const ended = (call.endedAt ?? call.dialedAt).getTime();
    const at = new Date(Math.min(ended + randInt(rng, 1, 20) * HOUR_MS, Math.max(ended, now.getTime() - MINUTE_MS)));
    const full = await db.appointmentRequest.findUniqueOrThrow({ where: { id: r.id }, select: { slotStart: true, item: true } });
    // An A/B variant that books less also has fewer of its proposed times confirmed, so the test is not drowned by the
    // requests every variant gets (docs/demo.md).
    const variant = variantOfCall.get(call.id);
    const ab = Math.min(1, variant ? (variantFactor.get(variant) ?? 1) : 1);
    if (full.slotStart && chance(rng, 0.8 * ab)) {
      const appointment = await db.appointment.create({
        data: { companyId, clinicId: call.clinicId, patientId: call.patientId, startsAt: full.slotStart, item: full.item, createdAt: at, status: full.slotStart < now ? "arrived" : "scheduled" },
        select: { id: true },
      });
      await db.appointmentRequest.update({ where: { id: r.id }, data: { status: "confirmed", appointmentId: appointment.id, decidedAt: at } });
      if (r.followUpTaskId)
        await db.followUpTask.update({ where: { id: r.followUpTaskId }, data: { status: "done", outcome: "booked", result: "已预约", completedAt: at, openKey: null } });
      if (full.slotStart < now) await visit(call.patientId, call.clinicId, call.scriptId, full.slotStart, full.item);
    } else {
      await db.appointmentRequest.update({ where: { id: r.id }, data: { status: "rejected", note: "患者表示再考虑，暂不预约", decidedAt: at } });
    }
  }

  // 3. Bookings after answered calls, by script (once per patient and script).
  const seen = new Set<string>();
  for (const c of answered) {
    const key = keyOf.get(c.scriptId);
    if (!key || c.proposedTime || (c.reachedParty && c.reachedParty !== "patient")) continue;
    const once = `${c.patientId}|${c.scriptId}`;
    if (seen.has(once)) continue;
    seen.add(once);
    const spec = BOOKING[key];
    const variant = variantOfCall.get(c.id);
    const ab = variant ? (variantFactor.get(variant) ?? 1) : 1;
    if (!chance(rng, Math.min(0.9, spec.rate * ab * (c.intent && INTERESTED.has(c.intent) ? 3 : 1)))) continue;
    // Booked within two days of the call, but never after the seed's now: skipping those instead made the bookings of
    // the last days (the A/B tests' most recent calls) depend on the hour the demo was seeded.
    const ended = c.endedAt ?? c.dialedAt;
    const createdAt = new Date(Math.min(ended.getTime() + randInt(rng, 1, 48) * HOUR_MS, Math.max(ended.getTime(), now.getTime() - MINUTE_MS)));
    const startsAt = new Date(createdAt.getTime() + randInt(rng, 1, 10) * DAY_MS);
    const showed = startsAt < now && chance(rng, 0.75);
    await db.appointment.create({
      data: { companyId, clinicId: c.clinicId, patientId: c.patientId, startsAt, createdAt, item: scripts[key].spec.name, status: startsAt >= now ? "scheduled" : showed ? "arrived" : "missed" },
    });
    if (showed) await visit(c.patientId, c.clinicId, c.scriptId, startsAt, scripts[key].spec.name);
  }

  async function visit(patientId: string, clinicId: string, scriptId: string, at: Date, item: string | null) {
    const key = keyOf.get(scriptId) ?? "recall";
    const visitedAt = new Date(at.getTime() + randInt(rng, 0, 30) * MINUTE_MS);
    await db.visit.create({ data: { companyId, clinicId, patientId, visitedAt, item } });
    const [lo, hi] = BOOKING[key].amount;
    await db.treatmentDeduction.create({
      data: { companyId, clinicId, patientId, performedAt: new Date(visitedAt.getTime() + 40 * MINUTE_MS), item: item ?? "诊疗", amountCents: Math.round(randInt(rng, lo / 100, hi / 100)) * 100 },
    });
  }
}
