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
}

const GROUPS = {
  week: Prisma.sql`to_char(date_trunc('week', o.day), 'YYYY-MM-DD')`,
  script: Prisma.sql`o."scriptId"`,
  variant: Prisma.sql`o."variantId"`,
} as const;

/**
 * 预约 / 到诊 / 消费 of a cut, summed from the running totals OutcomeDailyTotal (credit-outcomes.ts writes them),
 * grouped by the Monday of the calls' China-time week, by script or by variant ('' = none). One indexed read whatever
 * the number of calls or bookings.
 */
export async function readOutcomeTotals(db: Tx, cut: OutcomeCut, by: keyof typeof GROUPS): Promise<Map<string, OutcomeSums>> {
  if (cut.clinicIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ key: string; booked: bigint; visited: bigint; revenue: bigint; bookedCalls: bigint }[]>`
    SELECT ${GROUPS[by]} AS key, SUM(o.appointments)::bigint AS booked, SUM(o.visits)::bigint AS visited,
           SUM(o."revenueCents")::bigint AS revenue, SUM(o."bookedCalls")::bigint AS "bookedCalls"
      FROM "OutcomeDailyTotal" o
     WHERE o."companyId" = ${cut.companyId} AND o."clinicId" = ANY(${[...cut.clinicIds]}::text[])
       ${cut.scriptId ? Prisma.sql`AND o."scriptId" = ${cut.scriptId}` : Prisma.empty}
       ${cut.batchId ? Prisma.sql`AND o."batchId" = ${cut.batchId}` : Prisma.empty}
       ${cut.journeyId ? Prisma.sql`AND o."journeyId" = ${cut.journeyId}` : Prisma.empty}
       ${cut.nodeId ? Prisma.sql`AND o."nodeId" = ${cut.nodeId}` : Prisma.empty}
       ${cut.from ? Prisma.sql`AND o.day >= ${cut.from}::date` : Prisma.empty}
       ${cut.to ? Prisma.sql`AND o.day <= ${cut.to}::date` : Prisma.empty}
     GROUP BY 1`;
  return new Map(
    rows.map((r) => [r.key, { booked: Number(r.booked), visited: Number(r.visited), revenueCents: Number(r.revenue), bookedCalls: Number(r.bookedCalls) }]),
  );
}
