import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { attribute, DEFAULT_ATTRIBUTION_WINDOW_DAYS, localDayKey } from "@/server/domain/outcomes/attribution";

export interface CallCredit {
  booked: number;
  visited: number;
  revenueCents: number;
}

export interface AttributedOutcomes {
  windowDays: number;
  /** answered call id → what it brought in (only calls that were credited with something) */
  byCall: Map<string, CallCredit>;
  /** answered call id → its script and A/B variant */
  calls: Map<string, { scriptId: string; variantId: string | null; clinicId: string }>;
}

/**
 * The caller's clinics' appointments and visits credited to the last answered call before them (domain attribution.ts,
 * docs/outcomes.md), and each visit's 消费 (the deductions of its patient, clinic and clinic-local day, once per day).
 * The one place that attributes: the script, variant and any other funnel group these credits by call.
 */
export async function attributeOutcomes(db: Tx, scope: Scope): Promise<AttributedOutcomes> {
  const inScope = { companyId: scope.companyId, clinicId: { in: scope.clinicIds } };
  const [company, calls, appointments, visits, deductions, clinics] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { attributionWindowDays: true } }),
    db.call.findMany({
      where: { ...inScope, outcome: "answered" },
      select: { id: true, patientId: true, scriptId: true, variantId: true, clinicId: true, answeredAt: true, dialedAt: true },
    }),
    db.appointment.findMany({ where: { ...inScope, status: { not: "cancelled" } }, select: { id: true, patientId: true, createdAt: true, startsAt: true } }),
    db.visit.findMany({ where: inScope, select: { id: true, patientId: true, clinicId: true, visitedAt: true } }),
    db.treatmentDeduction.findMany({ where: inScope, select: { patientId: true, clinicId: true, performedAt: true, amountCents: true } }),
    db.clinic.findMany({ where: { companyId: scope.companyId }, select: { id: true, timezone: true } }),
  ]);
  const windowDays = company.attributionWindowDays ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS;
  const zone = new Map(clinics.map((c) => [c.id, c.timezone]));
  const credit = attribute(
    calls.map((c) => ({ id: c.id, patientId: c.patientId, scriptId: c.scriptId, at: c.answeredAt ?? c.dialedAt })),
    appointments,
    visits,
    windowDays,
  );
  const spent = new Map<string, number>();
  for (const d of deductions) {
    const key = `${d.patientId}|${d.clinicId}|${localDayKey(d.performedAt, zone.get(d.clinicId) ?? "Asia/Shanghai")}`;
    spent.set(key, (spent.get(key) ?? 0) + d.amountCents);
  }
  const byCall = new Map<string, CallCredit>();
  const of = (callId: string) => {
    let c = byCall.get(callId);
    if (!c) byCall.set(callId, (c = { booked: 0, visited: 0, revenueCents: 0 }));
    return c;
  };
  for (const callId of credit.appointments.values()) of(callId).booked += 1;
  const visitById = new Map(visits.map((v) => [v.id, v]));
  const counted = new Set<string>();
  for (const [visitId, callId] of credit.visits) {
    const v = visitById.get(visitId);
    if (!v) continue;
    const c = of(callId);
    c.visited += 1;
    // Two visits of a patient on one day share that day's deductions: count them once.
    const key = `${v.patientId}|${v.clinicId}|${localDayKey(v.visitedAt, zone.get(v.clinicId) ?? "Asia/Shanghai")}`;
    if (!counted.has(key)) c.revenueCents += spent.get(key) ?? 0;
    counted.add(key);
  }
  return { windowDays, byCall, calls: new Map(calls.map((c) => [c.id, { scriptId: c.scriptId, variantId: c.variantId, clinicId: c.clinicId }])) };
}
