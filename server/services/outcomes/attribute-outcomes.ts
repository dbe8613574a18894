import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { attribute, DEFAULT_ATTRIBUTION_WINDOW_DAYS, localDayKey } from "@/server/domain/outcomes/attribution";
import type { Prisma } from "@/server/generated/prisma/client";

export interface CallCredit {
  booked: number;
  visited: number;
  revenueCents: number;
}

export interface CreditedCall {
  scriptId: string;
  variantId: string | null;
  clinicId: string;
  dialedAt: Date;
  batchId: string | null;
  journeyId: string | null;
  nodeId: string | null;
}

export interface AttributedOutcomes {
  windowDays: number;
  /** answered call id → what it brought in (only calls that were credited with something) */
  byCall: Map<string, CallCredit>;
  /** the credited calls: their script, variant, clinic, day and source (batch, journey node) */
  calls: Map<string, CreditedCall>;
}

const DAY_MS = 86_400_000;

/**
 * The caller's clinics' appointments and visits credited to the last answered call before them (domain attribution.ts,
 * docs/outcomes.md), and each visit's 消费 (the deductions of its patient, clinic and clinic-local day, once per day).
 * The one place that attributes: every funnel (script, variant, journey node, clinic, batch) groups these credits by
 * call. It reads the appointments and visits first and then only their patients' answered calls, so its cost follows
 * the bookings, not the number of calls. `since`: only events that calls from then on can have brought.
 */
export async function attributeOutcomes(db: Tx, scope: Scope, opts: { since?: Date } = {}): Promise<AttributedOutcomes> {
  const inScope = { companyId: scope.companyId, clinicId: { in: scope.clinicIds } };
  const after = opts.since ? { gte: opts.since } : undefined;
  const [company, appointments, visits, clinics] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { attributionWindowDays: true } }),
    db.appointment.findMany({
      where: { ...inScope, status: { not: "cancelled" }, ...(after ? { createdAt: after } : {}) },
      select: { id: true, patientId: true, createdAt: true, startsAt: true },
    }),
    db.visit.findMany({ where: { ...inScope, ...(after ? { visitedAt: after } : {}) }, select: { id: true, patientId: true, clinicId: true, visitedAt: true } }),
    db.clinic.findMany({ where: { companyId: scope.companyId }, select: { id: true, timezone: true } }),
  ]);
  const windowDays = company.attributionWindowDays ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS;
  const patientIds = [...new Set([...appointments.map((a) => a.patientId), ...visits.map((v) => v.patientId)])];
  if (patientIds.length === 0) return { windowDays, byCall: new Map(), calls: new Map() };
  const callWhere: Prisma.CallWhereInput = {
    ...inScope,
    outcome: "answered",
    patientId: { in: patientIds },
    ...(opts.since ? { dialedAt: { gte: new Date(opts.since.getTime() - windowDays * DAY_MS) } } : {}),
  };
  const [calls, deductions] = await Promise.all([
    db.call.findMany({
      where: callWhere,
      select: {
        id: true,
        patientId: true,
        scriptId: true,
        variantId: true,
        clinicId: true,
        answeredAt: true,
        dialedAt: true,
        task: { select: { batchId: true, rosterEntry: { select: { journeyId: true, nodeId: true } } } },
      },
    }),
    db.treatmentDeduction.findMany({
      where: { ...inScope, patientId: { in: visits.map((v) => v.patientId) } },
      select: { patientId: true, clinicId: true, performedAt: true, amountCents: true },
    }),
  ]);
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
  const credited = new Map<string, CreditedCall>();
  for (const c of calls) {
    if (!byCall.has(c.id)) continue;
    credited.set(c.id, {
      scriptId: c.scriptId,
      variantId: c.variantId,
      clinicId: c.clinicId,
      dialedAt: c.dialedAt,
      batchId: c.task.batchId,
      journeyId: c.task.rosterEntry?.journeyId ?? null,
      nodeId: c.task.rosterEntry?.nodeId ?? null,
    });
  }
  return { windowDays, byCall, calls: credited };
}
