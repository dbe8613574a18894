import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { DEFAULT_ATTRIBUTION_WINDOW_DAYS, funnelOf, ZERO_COUNTS, type Funnel, type FunnelCounts } from "@/server/domain/outcomes/attribution";
import { Prisma } from "@/server/generated/prisma/client";
import { readOutcomeTotals } from "./read-outcome-totals";
import { countCallMetrics } from "@/server/services/metrics/count-call-metrics";

export interface ScriptFunnel {
  script: { id: string; name: string; category: "marketing" | "service" };
  funnel: Funnel;
}


/**
 * 效果分析: per script, 呼叫 → 接通 → 有效对话 → 有意向 → 预约 → 到诊 → 消费 and the cost per visit (docs/outcomes.md). The
 * first three come from countCallMetrics, the counting path of 外呼管理, so both pages show the same figures; 预约 /
 * 到诊 / 消费 from the running totals OutcomeDailyTotal (credited at write time, credit-outcomes.ts).
 */
export async function getScriptFunnels(db: Tx, scope: Scope): Promise<{ windowDays: number; total: Funnel; scripts: ScriptFunnel[] }> {
  const [company, scripts, metrics, billing, outcomes] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { callPriceCentsPerMinute: true, smsPriceCents: true, attributionWindowDays: true } }),
    // The caller's scripts, and any other script with calls of their clinics (one since moved off them); never a script
    // of other clinics only (issue 23, clinic-scope matrix).
    db.script.findMany({
      where: { companyId: scope.companyId, OR: [{ clinics: { some: { clinicId: { in: scope.clinicIds } } } }, { calls: { some: { clinicId: { in: scope.clinicIds } } } }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true, category: true } }),
    countCallMetrics(db, { companyId: scope.companyId, clinicIds: scope.clinicIds }, "script", { patients: false }),
    db.$queryRaw<{ scriptId: string; interested: bigint; minutes: bigint; sms: bigint }[]>(Prisma.sql`
      SELECT d."scriptId", SUM(d."interestedCalls")::bigint AS interested, SUM(d."billedMinutes")::bigint AS minutes, SUM(d."smsCalls")::bigint AS sms
        FROM "CallDailyTotal" d
       WHERE d."companyId" = ${scope.companyId} AND d."clinicId" = ANY(${scope.clinicIds}::text[])
       GROUP BY d."scriptId"`),
    readOutcomeTotals(db, scope, "script"),
  ]);

  const counts = new Map<string, FunnelCounts>(scripts.map((s) => [s.id, { ...ZERO_COUNTS }]));
  const of = (scriptId: string | undefined) => (scriptId ? counts.get(scriptId) : undefined);
  for (const [scriptId, m] of metrics) {
    const c = of(scriptId ?? undefined);
    if (c) Object.assign(c, { dialed: m.dialedCalls, answered: m.answeredCalls, effective: m.effectiveCalls });
  }
  for (const row of billing) {
    const c = of(row.scriptId);
    if (c) Object.assign(c, { interested: Number(row.interested), billedMinutes: Number(row.minutes), smsSent: Number(row.sms) });
  }
  for (const [scriptId, o] of outcomes) {
    const c = of(scriptId);
    if (c) Object.assign(c, { booked: o.booked, visited: o.visited, revenueCents: o.revenueCents });
  }

  const prices = { callPriceCentsPerMinute: company.callPriceCentsPerMinute, smsPriceCents: company.smsPriceCents };
  const total = { ...ZERO_COUNTS };
  for (const c of counts.values()) for (const k of Object.keys(total) as (keyof FunnelCounts)[]) total[k] += c[k];
  return {
    windowDays: company.attributionWindowDays ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS,
    total: funnelOf(total, prices),
    scripts: scripts.map((s) => ({ script: s, funnel: funnelOf(counts.get(s.id) ?? ZERO_COUNTS, prices) })),
  };
}
