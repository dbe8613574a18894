import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { DEFAULT_ATTRIBUTION_WINDOW_DAYS, funnelOf, ZERO_COUNTS, type Funnel, type FunnelCounts } from "@/server/domain/outcomes/attribution";
import { Prisma } from "@/server/generated/prisma/client";
import { readOutcomeTotals } from "./read-outcome-totals";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const funnelInput = z.object({
  scriptId: z.string().min(1).optional(),
  clinicId: z.string().min(1).optional(),
  batchId: z.string().min(1).optional(),
  journeyId: z.string().min(1).optional(),
  nodeId: z.string().min(1).optional(),
  /** China-time days, inclusive: the calls dialed from `from` to `to` (and what they brought in, whenever it came). */
  from: day.optional(),
  to: day.optional(),
});
export type FunnelFilter = z.infer<typeof funnelInput>;

export interface WeekPoint {
  /** Monday of the China-time week, "2026-11-30" */
  week: string;
  dialed: number;
  answered: number;
  booked: number;
  /** percent, one decimal; null before anything was dialed / answered */
  answerRate: number | null;
  bookingRate: number | null;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * The one funnel path of issue 26 (docs/outcomes.md, "One funnel"): 呼叫 → 接通 → 有效对话 → 有意向 → 预约 → 到诊 → 消费 and
 * the cost per visit for any cut — script, clinic, batch, journey, journey node — and date range, with its weekly
 * trend. 呼叫 / 接通 / 有效对话 / 有意向, billed minutes and SMS come from the running totals (`CallDailyTotal`, the
 * rows countCallMetrics reads for 外呼管理) unless the cut is a batch or a journey, which those totals do not carry: then
 * from OutcomeDailyTotal, which carries them by batch, journey node and variant. 预约 / 到诊 / 消费 are OutcomeDailyTotal's
 * sums for the cut's calls, credited when the bookings were written (credit-outcomes.ts). No Call row is read.
 */
export async function getFunnel(db: Tx, scope: Scope, raw: z.input<typeof funnelInput>): Promise<{ funnel: Funnel; weeks: WeekPoint[]; windowDays: number }> {
  const f = funnelInput.parse(raw);
  const clinicIds = f.clinicId ? scope.clinicIds.filter((c) => c === f.clinicId) : scope.clinicIds;
  const bySource = !!(f.batchId || f.journeyId || f.nodeId);

  type CallRow = { week: string; dialed: bigint | number; answered: bigint | number; effective: bigint | number; interested: bigint | number; minutes: bigint | number; sms: bigint | number };
  const [company, totals, outcomes] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { callPriceCentsPerMinute: true, smsPriceCents: true, attributionWindowDays: true } }),
    bySource || clinicIds.length === 0
      ? Promise.resolve(null)
      : db.$queryRaw<CallRow[]>(Prisma.sql`
      SELECT to_char(date_trunc('week', d.day), 'YYYY-MM-DD') AS week,
             SUM(d."dialedCalls")::bigint AS dialed, SUM(d."answeredCalls")::bigint AS answered, SUM(d."effectiveCalls")::bigint AS effective,
             SUM(d."interestedCalls")::bigint AS interested, SUM(d."billedMinutes")::bigint AS minutes, SUM(d."smsCalls")::bigint AS sms
        FROM "CallDailyTotal" d
       WHERE d."companyId" = ${scope.companyId} AND d."clinicId" = ANY(${clinicIds}::text[])
         ${f.scriptId ? Prisma.sql`AND d."scriptId" = ${f.scriptId}` : Prisma.empty}
         ${f.from ? Prisma.sql`AND d.day >= ${f.from}::date` : Prisma.empty}
         ${f.to ? Prisma.sql`AND d.day <= ${f.to}::date` : Prisma.empty}
       GROUP BY 1`),
    readOutcomeTotals(db, { companyId: scope.companyId, clinicIds, scriptId: f.scriptId, batchId: f.batchId, journeyId: f.journeyId, nodeId: f.nodeId, from: f.from, to: f.to }, "week"),
  ]);

  const counts: FunnelCounts = { ...ZERO_COUNTS };
  const weeks = new Map<string, { dialed: number; answered: number; booked: number }>();
  const w = (key: string) => {
    let p = weeks.get(key);
    if (!p) weeks.set(key, (p = { dialed: 0, answered: 0, booked: 0 }));
    return p;
  };
  // A batch, journey or node: the call figures of the same OutcomeDailyTotal rows as the bookings.
  const callRows: CallRow[] = totals ?? [...outcomes].map(([week, o]) => ({ week, ...o }));
  for (const r of callRows) {
    counts.interested += Number(r.interested);
    counts.billedMinutes += Number(r.minutes);
    counts.smsSent += Number(r.sms);
    counts.dialed += Number(r.dialed);
    counts.answered += Number(r.answered);
    counts.effective += Number(r.effective);
    Object.assign(w(r.week), { dialed: w(r.week).dialed + Number(r.dialed), answered: w(r.week).answered + Number(r.answered) });
  }
  for (const [week, o] of outcomes) {
    counts.booked += o.booked;
    counts.visited += o.visited;
    counts.revenueCents += o.revenueCents;
    w(week).booked += o.booked;
  }
  return {
    windowDays: company.attributionWindowDays ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS,
    funnel: funnelOf(counts, company),
    weeks: [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, p]) => ({ week, ...p, answerRate: pct(p.answered, p.dialed), bookingRate: pct(p.booked, p.answered) })),
  };
}
