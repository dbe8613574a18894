import type { Tx } from "@/server/db/create-client";
import { Prisma } from "@/server/generated/prisma/client";

export interface OutcomeCut {
  companyId: string;
  clinicIds: readonly string[];
  scriptId?: string;
  batchId?: string;
  journeyId?: string;
  nodeId?: string;
  /** China-time days of the credited calls, inclusive */
  from?: string;
  to?: string;
}

export interface OutcomeSums {
  booked: number;
  visited: number;
  revenueCents: number;
  bookedCalls: number;
  dialed: number;
  answered: number;
  effective: number;
  interested: number;
  minutes: number;
  sms: number;
}

const GROUPS = {
  week: Prisma.sql`to_char(date_trunc('week', o.day), 'YYYY-MM-DD')`,
  script: Prisma.sql`o."scriptId"`,
  variant: Prisma.sql`o."variantId"`,
} as const;

/**
 * A cut's calls' figures and the 预约 / 到诊 / 消费 credited to them, summed from the running totals OutcomeDailyTotal
 * (metrics/outcome-totals.ts), grouped by the Monday of the calls' China-time week, by script or by variant ('' =
 * none). One indexed read whatever the number of calls or bookings.
 */
export async function readOutcomeTotals(db: Tx, cut: OutcomeCut, by: keyof typeof GROUPS): Promise<Map<string, OutcomeSums>> {
  if (cut.clinicIds.length === 0) return new Map();
  const rows = await db.$queryRaw<({ key: string } & Record<Exclude<keyof OutcomeSums, never>, bigint>)[]>`
    SELECT ${GROUPS[by]} AS key, SUM(o.appointments)::bigint AS booked, SUM(o.visits)::bigint AS visited,
           SUM(o."revenueCents")::bigint AS "revenueCents", SUM(o."bookedCalls")::bigint AS "bookedCalls",
           SUM(o."dialedCalls")::bigint AS dialed, SUM(o."answeredCalls")::bigint AS answered, SUM(o."effectiveCalls")::bigint AS effective,
           SUM(o."interestedCalls")::bigint AS interested, SUM(o."billedMinutes")::bigint AS minutes, SUM(o."smsCalls")::bigint AS sms
      FROM "OutcomeDailyTotal" o
     WHERE o."companyId" = ${cut.companyId} AND o."clinicId" = ANY(${[...cut.clinicIds]}::text[])
       ${cut.scriptId ? Prisma.sql`AND o."scriptId" = ${cut.scriptId}` : Prisma.empty}
       ${cut.batchId ? Prisma.sql`AND o."batchId" = ${cut.batchId}` : Prisma.empty}
       ${cut.journeyId ? Prisma.sql`AND o."journeyId" = ${cut.journeyId}` : Prisma.empty}
       ${cut.nodeId ? Prisma.sql`AND o."nodeId" = ${cut.nodeId}` : Prisma.empty}
       ${cut.from ? Prisma.sql`AND o.day >= ${cut.from}::date` : Prisma.empty}
       ${cut.to ? Prisma.sql`AND o.day <= ${cut.to}::date` : Prisma.empty}
     GROUP BY 1`;
  const fields = ["booked", "visited", "revenueCents", "bookedCalls", "dialed", "answered", "effective", "interested", "minutes", "sms"] as const;
  return new Map(rows.map((r) => [r.key, Object.fromEntries(fields.map((f) => [f, Number(r[f])])) as unknown as OutcomeSums]));
}
