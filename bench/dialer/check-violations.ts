import type { CarrierOutcome } from "../../server/domain/calls/call-outcome";
import { matchDnc, REDIAL_OUTCOMES, type DncEntryLike } from "../../server/domain/calling-policy";
import { localDayRange, zonedParts } from "../../server/domain/time/local-day";
import type { BenchWorld } from "./setup-bench-db";

const DAY = 86_400_000;

export interface Violations {
  window: number;
  caps: number;
  interception: number;
  dnc: number;
  throttle: number;
  redial: number;
  doubleDial: number;
  /** Instants at which more calls were live (dialed, not ended) than the script's or the company's seats. */
  seats: number;
}

export interface Limits {
  dialsPerMinuteScript: number;
  /** Seats per script and per company; without them seats are not checked here (bench/dialer counts them itself). */
  seatsPerScript?: number;
  seatLimit?: number;
  /**
   * A time-compressed carrier (CARRIER_SIM_TIME_SCALE) reports real call lengths while calls last 1/scale of that on the
   * wall clock: a call then holds its seat from dialedAt for (ring + talk) / scale. Without it, dialedAt → endedAt.
   */
  timeScale?: number;
  /**
   * The dials as the carrier logged their create requests (its own clock): when given, the rolling minute is measured
   * from them instead of from our Call rows' dialedAt.
   */
  carrierDials?: readonly { scriptId: string; at: number }[];
}

type CallRow = {
  taskId: string;
  scriptId: string;
  clinicId: string;
  mobile: string;
  attempt: number;
  dialedAt: Date;
  endedAt: Date | null;
  ringSec: number | null;
  durationSec: number | null;
  outcome: string | null;
  carrierOutcome: string | null;
};

/** Checks every placed call of the run against the rules of docs/calling-rules.md, independently of the dialer's code. */
export async function checkViolations(
  world: Pick<BenchWorld, "db" | "companyId" | "clinics" | "scripts">,
  dialsPerRef: Map<string, number>,
  limits: Limits,
): Promise<Violations & { calls: number; peakDialsPerMinute: number }> {
  const { db } = world;
  const calls = await db.$queryRaw<CallRow[]>`
    SELECT "taskId", "scriptId", "clinicId", mobile, attempt, "dialedAt", "endedAt", "ringSec", "durationSec", outcome::text AS outcome, "carrierOutcome"
    FROM "Call" WHERE "companyId" = ${world.companyId} ORDER BY "dialedAt"`;
  const dnc = (await db.dncEntry.findMany({ where: { companyId: null } })) as DncEntryLike[];
  const category = new Map(world.scripts.map((s) => [s.id, s.category]));
  const tz = new Map(world.clinics.map((c) => [c.id, c.timezone]));
  const v: Violations = { window: 0, caps: 0, interception: 0, dnc: 0, throttle: 0, redial: 0, doubleDial: 0, seats: 0 };

  for (const c of calls) {
    const hour = zonedParts(c.dialedAt, tz.get(c.clinicId)!).hour;
    if (hour < 9 || hour >= 20) v.window++;
    if (matchDnc(c.mobile, dnc) !== null) v.dnc++;
  }

  const byMobile = new Map<string, CallRow[]>();
  for (const c of calls) byMobile.set(c.mobile, [...(byMobile.get(c.mobile) ?? []), c]);
  for (const list of byMobile.values()) {
    for (const c of list) {
      const t = c.dialedAt.getTime();
      const upTo = list.filter((x) => x.dialedAt.getTime() <= t);
      const within = (days: number) => upTo.filter((x) => x.dialedAt.getTime() > t - days * DAY);
      const outreaches30 = new Set(within(30).map((x) => x.taskId)).size;
      const sameScript15 = new Set(within(15).filter((x) => x.scriptId === c.scriptId).map((x) => x.taskId)).size;
      if (outreaches30 > 4 || sameScript15 > 1) v.caps++;
      const cat = category.get(c.scriptId)!;
      const before = (x: CallRow) => x !== c && x.dialedAt.getTime() <= t;
      if (cat === "service") {
        const day = localDayRange(c.dialedAt, tz.get(c.clinicId)!);
        const today = upTo.filter((x) => category.get(x.scriptId) === "service" && x.dialedAt >= day.start);
        if (today.length > 5 || today.filter((x) => before(x) && x.outcome === "answered").length >= 3) v.interception++;
      } else {
        const period = within(15).filter((x) => category.get(x.scriptId) === "marketing");
        if (period.length > 3 || period.filter((x) => before(x) && x.outcome === "answered").length >= 1) v.interception++;
      }
    }
  }

  if (limits.seatsPerScript !== undefined && limits.seatLimit !== undefined) v.seats = seatViolations(calls, limits.seatsPerScript, limits.seatLimit, limits.timeScale);

  // Rolling minute: for every dial, the dials of its script in the 60 s up to and including it.
  const dials = limits.carrierDials ?? calls.map((c) => ({ scriptId: c.scriptId, at: c.dialedAt.getTime() }));
  const byScript = new Map<string, number[]>();
  for (const d of dials) byScript.set(d.scriptId, [...(byScript.get(d.scriptId) ?? []), d.at]);
  let peakDialsPerMinute = 0;
  for (const times of byScript.values()) {
    times.sort((a, b) => a - b);
    let lo = 0;
    for (let hi = 0; hi < times.length; hi++) {
      while (times[lo]! <= times[hi]! - 60_000) lo++;
      peakDialsPerMinute = Math.max(peakDialsPerMinute, hi - lo + 1);
      if (hi - lo + 1 > limits.dialsPerMinuteScript) v.throttle++;
    }
  }

  const byTask = new Map<string, CallRow[]>();
  for (const c of calls) byTask.set(c.taskId, [...(byTask.get(c.taskId) ?? []), c]);
  for (const list of byTask.values()) {
    list.sort((a, b) => a.attempt - b.attempt);
    if (list.length > 2) v.redial += list.length - 2;
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const retryable = REDIAL_OUTCOMES.includes(prev.carrierOutcome as CarrierOutcome);
      if (!retryable || !prev.endedAt || list[i]!.dialedAt.getTime() < prev.endedAt.getTime() + 30 * 60_000) v.redial++;
    }
  }
  for (const n of dialsPerRef.values()) if (n > 1) v.doubleDial += n - 1;
  return { ...v, calls: calls.length, peakDialsPerMinute };
}

/**
 * Per instant: a call holds a seat from dialedAt to endedAt (a call without an end is still live at the check). Sweeps
 * the starts and ends in time order (an end before a start at the same instant) and counts every start that lifts the
 * script's or the company's live calls above its seats.
 */
function seatViolations(calls: CallRow[], perScript: number, company: number, timeScale?: number): number {
  const points: { at: number; delta: 1 | -1; scriptId: string }[] = [];
  for (const c of calls) {
    const start = c.dialedAt.getTime();
    points.push({ at: start, delta: 1, scriptId: c.scriptId });
    if (!c.endedAt) continue;
    const end = timeScale ? start + (((c.ringSec ?? 0) + (c.durationSec ?? 0)) * 1000) / timeScale : c.endedAt.getTime();
    points.push({ at: Math.max(end, start), delta: -1, scriptId: c.scriptId });
  }
  points.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const live = new Map<string, number>();
  let total = 0;
  let violations = 0;
  for (const p of points) {
    const n = (live.get(p.scriptId) ?? 0) + p.delta;
    live.set(p.scriptId, n);
    total += p.delta;
    if (p.delta === 1 && (n > perScript || total > company)) violations++;
  }
  return violations;
}
