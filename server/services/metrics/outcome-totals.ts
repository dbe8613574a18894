import type { Tx } from "@/server/db/create-client";

/**
 * The running totals `OutcomeDailyTotal` (docs/outcomes.md): per call script × clinic × source × batch × journey ×
 * node × variant × China-time dial day, the call figures of those calls (filed with CallDailyTotal's by
 * addCallTotals, call-totals.ts) and what they were credited with (filed by recreditPatients,
 * outcomes/credit-outcomes.ts). A transaction collects its changes in one `OutcomeDeltas` and files them once, in key
 * order, last — so two transactions never wait on each other's rows in opposite orders.
 */
export interface OutcomeKey {
  companyId: string;
  scriptId: string;
  clinicId: string;
  source: "batch" | "journey";
  batchId: string;
  journeyId: string;
  nodeId: string;
  variantId: string;
  /** China-time dial day of the call, "2026-12-07" */
  day: string;
}

export const OUTCOME_SUMS = [
  "appointments",
  "visits",
  "revenueCents",
  "bookedCalls",
  "dialedCalls",
  "answeredCalls",
  "effectiveCalls",
  "interestedCalls",
  "billedMinutes",
  "smsCalls",
] as const;
export type OutcomeSum = (typeof OUTCOME_SUMS)[number];

const keyString = (k: OutcomeKey) => [k.scriptId, k.clinicId, k.source, k.batchId, k.journeyId, k.nodeId, k.variantId, k.day].join("\u0000");

export class OutcomeDeltas {
  private readonly rows = new Map<string, { key: OutcomeKey; sums: Record<OutcomeSum, number> }>();
  add(key: OutcomeKey, change: Partial<Record<OutcomeSum, number>>) {
    const k = keyString(key);
    const e = this.rows.get(k) ?? { key, sums: Object.fromEntries(OUTCOME_SUMS.map((f) => [f, 0])) as Record<OutcomeSum, number> };
    for (const [f, n] of Object.entries(change) as [OutcomeSum, number][]) e.sums[f] += n;
    this.rows.set(k, e);
  }
  /** Non-zero rows in key order. */
  sorted() {
    return [...this.rows.entries()]
      .filter(([, e]) => Object.values(e.sums).some((n) => n !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => e);
  }
}

/** Adds the collected changes to OutcomeDailyTotal: one upsert, rows in key order. */
export async function fileOutcomeTotals(tx: Tx, deltas: OutcomeDeltas): Promise<void> {
  const rows = deltas.sorted();
  if (rows.length === 0) return;
  const k = <F extends keyof OutcomeKey>(f: F) => rows.map((r) => r.key[f]);
  const s = (f: OutcomeSum) => rows.map((r) => r.sums[f]);
  await tx.$executeRaw`
    INSERT INTO "OutcomeDailyTotal" ("scriptId", "clinicId", source, "batchId", "journeyId", "nodeId", "variantId", day, "companyId",
                                     appointments, visits, "revenueCents", "bookedCalls",
                                     "dialedCalls", "answeredCalls", "effectiveCalls", "interestedCalls", "billedMinutes", "smsCalls")
    SELECT * FROM unnest(${k("scriptId")}::text[], ${k("clinicId")}::text[], ${k("source")}::"CallTaskSource"[], ${k("batchId")}::text[],
                  ${k("journeyId")}::text[], ${k("nodeId")}::text[], ${k("variantId")}::text[], ${k("day")}::date[], ${k("companyId")}::text[],
                  ${s("appointments")}::int[], ${s("visits")}::int[], ${s("revenueCents")}::bigint[], ${s("bookedCalls")}::int[],
                  ${s("dialedCalls")}::int[], ${s("answeredCalls")}::int[], ${s("effectiveCalls")}::int[], ${s("interestedCalls")}::int[],
                  ${s("billedMinutes")}::int[], ${s("smsCalls")}::int[])
     ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ("scriptId", "clinicId", source, "batchId", "journeyId", "nodeId", "variantId", day) DO UPDATE SET
      appointments = "OutcomeDailyTotal".appointments + EXCLUDED.appointments,
      visits = "OutcomeDailyTotal".visits + EXCLUDED.visits,
      "revenueCents" = "OutcomeDailyTotal"."revenueCents" + EXCLUDED."revenueCents",
      "bookedCalls" = "OutcomeDailyTotal"."bookedCalls" + EXCLUDED."bookedCalls",
      "dialedCalls" = "OutcomeDailyTotal"."dialedCalls" + EXCLUDED."dialedCalls",
      "answeredCalls" = "OutcomeDailyTotal"."answeredCalls" + EXCLUDED."answeredCalls",
      "effectiveCalls" = "OutcomeDailyTotal"."effectiveCalls" + EXCLUDED."effectiveCalls",
      "interestedCalls" = "OutcomeDailyTotal"."interestedCalls" + EXCLUDED."interestedCalls",
      "billedMinutes" = "OutcomeDailyTotal"."billedMinutes" + EXCLUDED."billedMinutes",
      "smsCalls" = "OutcomeDailyTotal"."smsCalls" + EXCLUDED."smsCalls"`;
}

/** The source part of tasks' outcome keys (batch, journey, node, variant), read in the writer's transaction. */
export async function taskSources(tx: Tx, taskIds: readonly string[]): Promise<Map<string, { batchId: string; journeyId: string; nodeId: string; variantId: string }>> {
  if (taskIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; batchId: string | null; journeyId: string | null; nodeId: string | null; variantId: string | null }[]>`
    SELECT t.id, t."batchId", r."journeyId", r."nodeId", t."variantId"
      FROM "CallTask" t LEFT JOIN "JourneyRosterEntry" r ON r.id = t."rosterEntryId"
     WHERE t.id = ANY(${[...new Set(taskIds)]}::text[])`;
  return new Map(rows.map((r) => [r.id, { batchId: r.batchId ?? "", journeyId: r.journeyId ?? "", nodeId: r.nodeId ?? "", variantId: r.variantId ?? "" }]));
}
