import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { abVerdict, wilsonInterval } from "@/server/domain/outcomes/ab-stats";
import { funnelOf, ZERO_COUNTS, type FunnelCounts } from "@/server/domain/outcomes/attribution";
import { AppError } from "@/server/errors";
import { visibleScript } from "@/server/services/scripts/visible-script";
import { readOutcomeTotals } from "./read-outcome-totals";

export const variantTestInput = z.object({ scriptId: z.string().min(1) });

/**
 * 效果分析 of a script's A/B test: each variant's funnel (its calls carry the variant), the 95 % Wilson interval of its
 * booking rate — answered calls credited with an appointment ÷ answered calls — and the two-proportion test of every
 * pair of variants, Holm-corrected (domain ab-stats.ts). Read from the running totals OutcomeDailyTotal by variant (the
 * calls' figures and what they were credited with).
 */
export async function getVariantTest(db: Tx, scope: Scope, raw: z.input<typeof variantTestInput>) {
  const { scriptId } = variantTestInput.parse(raw);
  const script = await db.script.findFirst({
    where: { id: scriptId, ...visibleScript(scope) },
    select: { id: true, name: true, abEndedAt: true, abKeptVariantId: true, variants: { orderBy: { key: "asc" }, select: { id: true, key: true, name: true, sharePercent: true } } },
  });
  if (!script) throw AppError.notFound("话术");
  if (script.variants.length === 0) return { script: { id: script.id, name: script.name, endedAt: null, keptVariantId: null }, variants: [], verdict: { kind: "tooFew" as const, pairs: [] } };

  const [company, outcomes] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { callPriceCentsPerMinute: true, smsPriceCents: true } }),
    readOutcomeTotals(db, { ...scope, scriptId: script.id }, "variant"),
  ]);

  const counts = new Map<string, FunnelCounts & { bookedCalls: number }>(script.variants.map((v) => [v.id, { ...ZERO_COUNTS, bookedCalls: 0 }]));
  for (const [variantId, o] of outcomes) {
    const c = counts.get(variantId);
    if (!c) continue;
    Object.assign(c, {
      dialed: o.dialed,
      answered: o.answered,
      effective: o.effective,
      interested: o.interested,
      billedMinutes: o.minutes,
      smsSent: o.sms,
      booked: o.booked,
      visited: o.visited,
      revenueCents: o.revenueCents,
      bookedCalls: o.bookedCalls,
    });
  }
  const prices = { callPriceCentsPerMinute: company.callPriceCentsPerMinute, smsPriceCents: company.smsPriceCents };
  const variants = script.variants.map((v) => {
    const c = counts.get(v.id)!;
    const ci = wilsonInterval(c.bookedCalls, c.answered);
    return {
      ...v,
      funnel: funnelOf(c, prices),
      bookedCalls: c.bookedCalls,
      bookingRate: c.answered > 0 ? c.bookedCalls / c.answered : null,
      interval: ci,
    };
  });
  const verdict = abVerdict(variants.map((v) => ({ id: v.id, trials: v.funnel.answered, successes: v.bookedCalls })));
  return { script: { id: script.id, name: script.name, endedAt: script.abEndedAt, keptVariantId: script.abKeptVariantId }, variants, verdict };
}
