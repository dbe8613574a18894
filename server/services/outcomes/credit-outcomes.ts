import type { Tx } from "@/server/db/create-client";
import { creditPatients, DEFAULT_ATTRIBUTION_WINDOW_DAYS } from "@/server/domain/outcomes/attribution";
import { Prisma } from "@/server/generated/prisma/client";
import { chinaDay } from "@/server/services/metrics/call-totals";
import { fileOutcomeTotals, OutcomeDeltas, type OutcomeKey } from "@/server/services/metrics/outcome-totals";

/**
 * 效果分析 at write time (docs/outcomes.md, "Credits are written"). The one writer of the stored credits
 * (`Appointment.credit*`, `Visit.credit*`) and of their running totals `OutcomeDailyTotal`: every write of an
 * appointment, a visit or a deduction calls `recreditPatients` for the patients it touched, in its own transaction,
 * after its rows (an answered call's result: `recreditAfterAnsweredCalls`, filed with the call's figures). It runs the domain rule (attribution.ts `creditPatients`) over all of those
 * patients' rows, stores what changed and files the difference in the totals — so a late call inside the window
 * re-credits the bookings after it, a cancelled appointment drops out, a deduction lands on its visit.
 */

interface CreditedCall extends OutcomeKey {
  callId: string;
}

const stored = {
  creditCallId: true,
  creditScriptId: true,
  creditClinicId: true,
  creditSource: true,
  creditBatchId: true,
  creditJourneyId: true,
  creditNodeId: true,
  creditVariantId: true,
  creditDay: true,
} as const;
type StoredCredit = {
  creditCallId: string | null;
  creditScriptId: string | null;
  creditClinicId: string | null;
  creditSource: "batch" | "journey" | null;
  creditBatchId: string | null;
  creditJourneyId: string | null;
  creditNodeId: string | null;
  creditVariantId: string | null;
  creditDay: Date | null;
};

function storedCall(companyId: string, r: StoredCredit): CreditedCall | null {
  if (!r.creditCallId) return null;
  return {
    companyId,
    callId: r.creditCallId,
    scriptId: r.creditScriptId!,
    clinicId: r.creditClinicId!,
    source: r.creditSource!,
    batchId: r.creditBatchId ?? "",
    journeyId: r.creditJourneyId ?? "",
    nodeId: r.creditNodeId ?? "",
    variantId: r.creditVariantId ?? "",
    day: r.creditDay!.toISOString().slice(0, 10),
  };
}

/** The credit columns of a row credited to `call` (null: nobody's). */
function columnsOf(call: CreditedCall | null) {
  return {
    creditCallId: call?.callId ?? null,
    creditScriptId: call?.scriptId ?? null,
    creditClinicId: call?.clinicId ?? null,
    creditSource: call?.source ?? null,
    creditBatchId: call?.batchId || null,
    creditJourneyId: call?.journeyId || null,
    creditNodeId: call?.nodeId || null,
    creditVariantId: call?.variantId || null,
    creditDay: call ? call.day : null,
  };
}

async function storeCredits(tx: Tx, table: "Appointment" | "Visit", rows: { id: string; call: CreditedCall | null; revenueCents: number }[]) {
  if (rows.length === 0) return;
  const cols = rows.map((r) => ({ id: r.id, ...columnsOf(r.call), revenueCents: r.revenueCents }));
  const a = <F extends keyof (typeof cols)[number]>(f: F) => cols.map((c) => c[f]);
  const revenue = table === "Visit" ? Prisma.sql`, "creditRevenueCents" = u.rev` : Prisma.empty;
  await tx.$executeRaw`
    UPDATE ${Prisma.raw(`"${table}"`)} t SET "creditCallId" = u.call, "creditScriptId" = u.script, "creditClinicId" = u.clinic,
           "creditSource" = u.src, "creditBatchId" = u.batch, "creditJourneyId" = u.journey, "creditNodeId" = u.node,
           "creditVariantId" = u.variant, "creditDay" = u.day ${revenue}
      FROM unnest(${a("id")}::text[], ${a("creditCallId")}::text[], ${a("creditScriptId")}::text[], ${a("creditClinicId")}::text[],
                  ${a("creditSource")}::"CallTaskSource"[], ${a("creditBatchId")}::text[], ${a("creditJourneyId")}::text[], ${a("creditNodeId")}::text[],
                  ${a("creditVariantId")}::text[], ${a("creditDay")}::date[], ${a("revenueCents")}::int[])
           AS u(id, call, script, clinic, src, batch, journey, node, variant, day, rev)
     WHERE t.id = u.id`;
}

/**
 * Re-credits every appointment and visit of these patients of a company from all their rows, and files the change in
 * OutcomeDailyTotal — in the caller's transaction, after its own writes. Locks the patients' rows first (in id order),
 * so two writes about one patient credit one after the other.
 */
export async function recreditPatients(tx: Tx, companyId: string, patientIds: readonly string[]): Promise<void> {
  const deltas = new OutcomeDeltas();
  await creditChanges(tx, companyId, patientIds, deltas);
  await fileOutcomeTotals(tx, deltas);
}

/** recreditPatients without filing: the changes of the totals go into `deltas`, which the caller files last. */
export async function creditChanges(tx: Tx, companyId: string, patientIds: readonly string[], deltas: OutcomeDeltas): Promise<void> {
  const ids = [...new Set(patientIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Patient" WHERE id = ANY(${ids}::text[]) AND "companyId" = ${companyId} ORDER BY id FOR NO KEY UPDATE`;
  const inCompany = { companyId, patientId: { in: ids } };
  const [company, clinics, appointments, visits] = await Promise.all([
    tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { attributionWindowDays: true } }),
    tx.clinic.findMany({ where: { companyId }, select: { id: true, timezone: true } }),
    tx.appointment.findMany({ where: inCompany, select: { id: true, patientId: true, clinicId: true, createdAt: true, startsAt: true, status: true, ...stored } }),
    tx.visit.findMany({ where: inCompany, select: { id: true, patientId: true, clinicId: true, visitedAt: true, creditRevenueCents: true, ...stored } }),
  ]);
  if (appointments.length === 0 && visits.length === 0) return;
  const [calls, deductions] = await Promise.all([
    tx.call.findMany({
      where: { ...inCompany, outcome: "answered" },
      select: {
        id: true,
        patientId: true,
        clinicId: true,
        scriptId: true,
        dialedAt: true,
        answeredAt: true,
        task: { select: { source: true, batchId: true, variantId: true, rosterEntry: { select: { journeyId: true, nodeId: true } } } },
      },
    }),
    visits.length === 0
      ? Promise.resolve([])
      : tx.treatmentDeduction.findMany({ where: inCompany, select: { patientId: true, clinicId: true, performedAt: true, amountCents: true } }),
  ]);
  const zone = new Map(clinics.map((c) => [c.id, c.timezone]));
  const credit = creditPatients({
    calls: calls.map((c) => ({ id: c.id, patientId: c.patientId, clinicId: c.clinicId, at: c.answeredAt ?? c.dialedAt })),
    appointments: appointments.map((a) => ({ ...a, cancelled: a.status === "cancelled" })),
    visits,
    deductions,
    windowDays: company.attributionWindowDays ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS,
    zoneOf: (clinicId) => zone.get(clinicId) ?? "Asia/Shanghai",
  });
  const callById = new Map(
    calls.map((c): [string, CreditedCall] => [
      c.id,
      {
        companyId,
        callId: c.id,
        scriptId: c.scriptId,
        clinicId: c.clinicId,
        source: c.task.source,
        batchId: c.task.batchId ?? "",
        journeyId: c.task.rosterEntry?.journeyId ?? "",
        nodeId: c.task.rosterEntry?.nodeId ?? "",
        // The task's variant, as the calls' own figures in OutcomeDailyTotal (a call copies it when placed).
        variantId: c.task.variantId ?? "",
        day: chinaDay(c.dialedAt),
      },
    ]),
  );
  const creditedTo = (callId: string | null | undefined) => (callId ? (callById.get(callId) ?? null) : null);

  const bookedBefore = new Map<string, CreditedCall>();
  const bookedAfter = new Map<string, CreditedCall>();
  const apptChanges: { id: string; call: CreditedCall | null; revenueCents: number }[] = [];
  for (const a of appointments) {
    const before = storedCall(companyId, a);
    const after = creditedTo(credit.appointments.get(a.id));
    if (before) bookedBefore.set(before.callId, before);
    if (after) bookedAfter.set(after.callId, after);
    if (before?.callId === after?.callId) continue;
    if (before) deltas.add(before, { appointments: -1 });
    if (after) deltas.add(after, { appointments: 1 });
    apptChanges.push({ id: a.id, call: after, revenueCents: 0 });
  }
  for (const [callId, call] of bookedBefore) if (!bookedAfter.has(callId)) deltas.add(call, { bookedCalls: -1 });
  for (const [callId, call] of bookedAfter) if (!bookedBefore.has(callId)) deltas.add(call, { bookedCalls: 1 });
  const visitChanges: { id: string; call: CreditedCall | null; revenueCents: number }[] = [];
  for (const v of visits) {
    const before = storedCall(companyId, v);
    const next = credit.visits.get(v.id)!;
    const after = creditedTo(next.callId);
    if (before?.callId === after?.callId && v.creditRevenueCents === next.revenueCents) continue;
    if (before) deltas.add(before, { visits: -1, revenueCents: -v.creditRevenueCents });
    if (after) deltas.add(after, { visits: 1, revenueCents: next.revenueCents });
    visitChanges.push({ id: v.id, call: after, revenueCents: after ? next.revenueCents : 0 });
  }
  await storeCredits(tx, "Appointment", apptChanges);
  await storeCredits(tx, "Visit", visitChanges);
}

/**
 * Answered calls' results were written: re-credit each patient who has an appointment made, or a visit, at or after
 * the call (a call can only take credit from those). Most answered calls have none: one query for all of them. The
 * changes of the totals go into `deltas` (the call writer files them with the calls' own, withCallRows).
 */
export async function recreditAfterAnsweredCalls(tx: Tx, calls: readonly { companyId: string; patientId: string; at: Date }[], deltas: OutcomeDeltas): Promise<void> {
  if (calls.length === 0) return;
  const later = await tx.$queryRaw<{ companyId: string; patientId: string }[]>`
    SELECT DISTINCT v.c AS "companyId", v.p AS "patientId"
    FROM unnest(${calls.map((c) => c.companyId)}::text[], ${calls.map((c) => c.patientId)}::text[], ${calls.map((c) => c.at.toISOString())}::text[]) AS v(c, p, t)
    WHERE EXISTS (SELECT 1 FROM "Appointment" WHERE "patientId" = v.p AND "createdAt" >= v.t::timestamp(3))
       OR EXISTS (SELECT 1 FROM "Visit" WHERE "patientId" = v.p AND "visitedAt" >= v.t::timestamp(3))
    ORDER BY 1, 2`;
  const byCompany = new Map<string, string[]>();
  for (const r of later) byCompany.set(r.companyId, [...(byCompany.get(r.companyId) ?? []), r.patientId]);
  for (const [companyId, patientIds] of byCompany) await creditChanges(tx, companyId, patientIds, deltas);
}

/**
 * Recomputes a company's credits and OutcomeDailyTotal from scratch: clears them, then re-credits its patients with
 * appointments or visits in chunks. For the migration's backfill and a changed attribution window (through
 * `recreditStaleCompanies`), and for writers that insert rows directly (seeds, bench worlds, fixtures). Run it when
 * nothing else writes the company's bookings (as recountCallTotals).
 */
export async function recountOutcomes(db: Tx, companyId: string, opts: { chunk?: number } = {}): Promise<void> {
  await db.$executeRaw`
    UPDATE "Appointment" SET "creditCallId" = NULL, "creditScriptId" = NULL, "creditClinicId" = NULL, "creditSource" = NULL, "creditBatchId" = NULL,
           "creditJourneyId" = NULL, "creditNodeId" = NULL, "creditVariantId" = NULL, "creditDay" = NULL
     WHERE "companyId" = ${companyId} AND "creditCallId" IS NOT NULL`;
  await db.$executeRaw`
    UPDATE "Visit" SET "creditCallId" = NULL, "creditScriptId" = NULL, "creditClinicId" = NULL, "creditSource" = NULL, "creditBatchId" = NULL,
           "creditJourneyId" = NULL, "creditNodeId" = NULL, "creditVariantId" = NULL, "creditDay" = NULL, "creditRevenueCents" = 0
     WHERE "companyId" = ${companyId} AND ("creditCallId" IS NOT NULL OR "creditRevenueCents" <> 0)`;
  // The credited sums only: the calls' own figures in the same rows are recountCallTotals'.
  await db.$executeRaw`
    UPDATE "OutcomeDailyTotal" SET appointments = 0, visits = 0, "revenueCents" = 0, "bookedCalls" = 0
     WHERE "companyId" = ${companyId} AND (appointments <> 0 OR visits <> 0 OR "revenueCents" <> 0 OR "bookedCalls" <> 0)`;
  const patients = await db.$queryRaw<{ patientId: string }[]>`
    SELECT "patientId" FROM "Appointment" WHERE "companyId" = ${companyId}
    UNION SELECT "patientId" FROM "Visit" WHERE "companyId" = ${companyId}
    ORDER BY 1`;
  const size = opts.chunk ?? 500;
  for (let i = 0; i < patients.length; i += size) {
    await recreditPatients(db, companyId, patients.slice(i, i + size).map((p) => p.patientId));
  }
}

/**
 * The outcomes-recredit cron: recounts every company whose credits are marked stale (`Company.outcomeCreditsStaleAt`:
 * set by the migration's backfill and by a change of `attributionWindowDays`), then clears the mark unless it was set
 * again meanwhile.
 */
export async function recreditStaleCompanies(db: Tx): Promise<{ companies: number }> {
  const stale = await db.company.findMany({ where: { outcomeCreditsStaleAt: { not: null } }, select: { id: true, outcomeCreditsStaleAt: true } });
  for (const c of stale) {
    await recountOutcomes(db, c.id);
    await db.company.updateMany({ where: { id: c.id, outcomeCreditsStaleAt: c.outcomeCreditsStaleAt }, data: { outcomeCreditsStaleAt: null } });
  }
  return { companies: stale.length };
}
