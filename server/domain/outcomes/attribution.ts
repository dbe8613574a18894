import { zonedParts } from "@/server/domain/time/local-day";

/**
 * 效果分析 attribution (docs/outcomes.md): an appointment or a visit is credited to the patient's last answered call
 * of the same clinic within the window before it. Pure: rows in, credits out. The one rule: the write path
 * (services/outcomes/credit-outcomes.ts) runs it for the patients a write touches and stores the credits.
 */
export const DEFAULT_ATTRIBUTION_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export interface TouchCall {
  id: string;
  patientId: string;
  clinicId: string;
  /** When the call was answered (its dial time when the answer time is missing). */
  at: Date;
}
export interface BookedAppointment {
  id: string;
  patientId: string;
  clinicId: string;
  /** When the appointment was made: the call must come before it. */
  createdAt: Date;
  startsAt: Date;
}
export interface ClinicVisit {
  id: string;
  patientId: string;
  clinicId: string;
  visitedAt: Date;
}

/** The patient's last answered call in (at − window, at]; `calls` of that patient sorted by time ascending. */
export function lastTouch(calls: readonly TouchCall[], at: Date, windowDays: number): TouchCall | null {
  const from = at.getTime() - windowDays * DAY_MS;
  for (let i = calls.length - 1; i >= 0; i--) {
    const call = calls[i]!;
    const t = call.at.getTime();
    if (t > at.getTime()) continue;
    return t > from ? call : null;
  }
  return null;
}

export interface Attribution {
  /** appointment id → call id */
  appointments: Map<string, string>;
  /** visit id → call id */
  visits: Map<string, string>;
}

const patientClinic = (r: { patientId: string; clinicId: string }) => `${r.patientId}\u0000${r.clinicId}`;

/**
 * Credits each appointment to the last answered call of its patient and clinic before it was made (an appointment made
 * before any call in the window is nobody's), and each visit to the last answered call of its patient and clinic before
 * it — unless the visit keeps an appointment (same patient and clinic) that had been made before that call (a reminder
 * does not bring a patient who was coming anyway). `appointments`: the ones not cancelled.
 */
export function attribute(
  calls: readonly TouchCall[],
  appointments: readonly BookedAppointment[],
  visits: readonly ClinicVisit[],
  windowDays = DEFAULT_ATTRIBUTION_WINDOW_DAYS,
): Attribution {
  const byPatient = new Map<string, TouchCall[]>();
  for (const c of calls) {
    const list = byPatient.get(patientClinic(c)) ?? [];
    list.push(c);
    byPatient.set(patientClinic(c), list);
  }
  for (const list of byPatient.values()) list.sort((a, b) => a.at.getTime() - b.at.getTime());
  const apptsByPatient = new Map<string, BookedAppointment[]>();
  for (const a of appointments) apptsByPatient.set(patientClinic(a), [...(apptsByPatient.get(patientClinic(a)) ?? []), a]);

  const out: Attribution = { appointments: new Map(), visits: new Map() };
  for (const a of appointments) {
    const touch = lastTouch(byPatient.get(patientClinic(a)) ?? [], a.createdAt, windowDays);
    if (touch) out.appointments.set(a.id, touch.id);
  }
  for (const v of visits) {
    const touch = lastTouch(byPatient.get(patientClinic(v)) ?? [], v.visitedAt, windowDays);
    if (!touch) continue;
    const keptEarlierBooking = (apptsByPatient.get(patientClinic(v)) ?? []).some(
      (a) => a.createdAt.getTime() < touch.at.getTime() && a.startsAt.getTime() >= touch.at.getTime() && a.startsAt.getTime() <= v.visitedAt.getTime() + DAY_MS,
    );
    if (!keptEarlierBooking) out.visits.set(v.id, touch.id);
  }
  return out;
}

/** The clinic-local calendar day of an instant ("2026-12-07"): a deduction belongs to the visit of the same day. */
export function localDayKey(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

export interface Deduction {
  patientId: string;
  clinicId: string;
  performedAt: Date;
  amountCents: number;
}

export interface PatientCredits {
  /** appointment id → the credited call id, null when nobody's (incl. cancelled appointments) */
  appointments: Map<string, string | null>;
  /** visit id → the credited call id (null: nobody's) and the 消费 it brings (0 unless credited) */
  visits: Map<string, { callId: string | null; revenueCents: number }>;
}

/**
 * Everything the write path stores for a set of patients, from all their rows: `attribute` above, and each credited
 * visit's 消费 — the deductions of its patient and clinic on its clinic-local day (`zoneOf` the clinic), counted once a
 * day: on the day's earliest credited visit (by time, then id); the day's other visits bring 0.
 */
export function creditPatients(input: {
  calls: readonly TouchCall[];
  appointments: readonly (BookedAppointment & { cancelled: boolean })[];
  visits: readonly ClinicVisit[];
  deductions: readonly Deduction[];
  windowDays: number;
  zoneOf: (clinicId: string) => string;
}): PatientCredits {
  const credit = attribute(input.calls, input.appointments.filter((a) => !a.cancelled), input.visits, input.windowDays);
  const out: PatientCredits = { appointments: new Map(), visits: new Map() };
  for (const a of input.appointments) out.appointments.set(a.id, credit.appointments.get(a.id) ?? null);
  const dayKey = (r: { patientId: string; clinicId: string }, at: Date) => `${patientClinic(r)}\u0000${localDayKey(at, input.zoneOf(r.clinicId))}`;
  const spent = new Map<string, number>();
  for (const d of input.deductions) spent.set(dayKey(d, d.performedAt), (spent.get(dayKey(d, d.performedAt)) ?? 0) + d.amountCents);
  const ordered = [...input.visits].sort((a, b) => a.visitedAt.getTime() - b.visitedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const paid = new Set<string>();
  for (const v of ordered) {
    const callId = credit.visits.get(v.id) ?? null;
    const key = dayKey(v, v.visitedAt);
    const revenueCents = callId && !paid.has(key) ? (spent.get(key) ?? 0) : 0;
    if (callId) paid.add(key);
    out.visits.set(v.id, { callId, revenueCents });
  }
  return out;
}

export interface FunnelCounts {
  dialed: number;
  answered: number;
  effective: number;
  interested: number;
  booked: number;
  visited: number;
  revenueCents: number;
  billedMinutes: number;
  smsSent: number;
}
export const ZERO_COUNTS: Readonly<FunnelCounts> = { dialed: 0, answered: 0, effective: 0, interested: 0, booked: 0, visited: 0, revenueCents: 0, billedMinutes: 0, smsSent: 0 };

export interface Funnel extends FunnelCounts {
  /** Percent of the previous step (one decimal), null when the previous step is 0. */
  rates: { answered: number | null; effective: number | null; interested: number | null; booked: number | null; visited: number | null };
  /** 每次到诊成本 in cents: (billed minutes × price + SMS × price) / visits; null without prices or visits. */
  costPerVisitCents: number | null;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export function funnelOf(c: FunnelCounts, prices: { callPriceCentsPerMinute: number | null; smsPriceCents: number | null }): Funnel {
  const cost =
    prices.callPriceCentsPerMinute === null || c.visited === 0
      ? null
      : Math.round((c.billedMinutes * prices.callPriceCentsPerMinute + c.smsSent * (prices.smsPriceCents ?? 0)) / c.visited);
  return {
    ...c,
    rates: {
      answered: pct(c.answered, c.dialed),
      effective: pct(c.effective, c.answered),
      interested: pct(c.interested, c.answered),
      booked: pct(c.booked, c.answered),
      visited: pct(c.visited, c.booked),
    },
    costPerVisitCents: cost,
  };
}

/** Canonical intents that count as 有意向 in the funnel (with any call that proposed a time). */
export const INTERESTED_INTENTS: readonly string[] = ["interested", "somewhatInterested", "confirmed", "reschedule"];

/** 有意向: an answered call whose intent is one of INTERESTED_INTENTS, or that proposed a time. */
export function isInterestedCall(c: { answered: boolean; intent: string | null; proposedTime: string | null }): boolean {
  return c.answered && ((c.intent !== null && INTERESTED_INTENTS.includes(c.intent)) || c.proposedTime !== null);
}

/** The minutes a carrier bills for an answered call: every started minute. */
export const billedMinutesOf = (durationSec: number) => Math.ceil(durationSec / 60);
