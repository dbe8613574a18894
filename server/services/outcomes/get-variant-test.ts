import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { EFFECTIVE_DIALOGUE_MIN_ROUNDS } from "@/server/domain/calls/call-metrics";
import { abVerdict, wilsonInterval } from "@/server/domain/outcomes/ab-stats";
import { funnelOf, INTERESTED_INTENTS, ZERO_COUNTS, type FunnelCounts } from "@/server/domain/outcomes/attribution";
import { Prisma } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import { visibleScript } from "@/server/services/scripts/visible-script";
import { attributeOutcomes } from "./attribute-outcomes";

export const variantTestInput = z.object({ scriptId: z.string().min(1) });

/**
 * 效果分析 of a script's A/B test: each variant's funnel (its calls carry the variant), the 95 % Wilson interval of its
 * booking rate — answered calls credited with an appointment ÷ answered calls — and the two-proportion test of every
 * pair of variants, Holm-corrected (domain ab-stats.ts). Counted from the script's Call rows by variant: the running totals have no
 * variant; one script's calls are read through its scriptId indexes.
 */
export async function getVariantTest(db: Tx, scope: Scope, raw: z.input<typeof variantTestInput>) {
  const { scriptId } = variantTestInput.parse(raw);
  const script = await db.script.findFirst({
    where: { id: scriptId, ...visibleScript(scope) },
    select: { id: true, name: true, abEndedAt: true, abKeptVariantId: true, variants: { orderBy: { key: "asc" }, select: { id: true, key: true, name: true, sharePercent: true } } },
  });
  if (!script) throw AppError.notFound("话术");
  if (script.variants.length === 0) return { script: { id: script.id, name: script.name, endedAt: null, keptVariantId: null }, variants: [], verdict: { kind: "tooFew" as const, pairs: [] } };

  const [company, rows, outcomes] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { callPriceCentsPerMinute: true, smsPriceCents: true } }),
    db.$queryRaw<{ variantId: string | null; dialed: bigint; answered: bigint; effective: bigint; interested: bigint; minutes: bigint; sms: bigint }[]>(Prisma.sql`
      SELECT c."variantId",
             COUNT(*)::bigint AS dialed,
             COUNT(*) FILTER (WHERE c.outcome = 'answered')::bigint AS answered,
             COUNT(*) FILTER (WHERE c.outcome = 'answered' AND c.rounds >= ${EFFECTIVE_DIALOGUE_MIN_ROUNDS})::bigint AS effective,
             COUNT(*) FILTER (WHERE c.outcome = 'answered' AND (c.intent = ANY(${[...INTERESTED_INTENTS]}::text[]) OR c."proposedTime" IS NOT NULL))::bigint AS interested,
             COALESCE(SUM(CEIL(c."durationSec" / 60.0)) FILTER (WHERE c.outcome = 'answered'), 0)::bigint AS minutes,
             COUNT(s.id) FILTER (WHERE s.status <> 'failed')::bigint AS sms
        FROM "Call" c LEFT JOIN "SmsMessage" s ON s."callId" = c.id
       WHERE c."scriptId" = ${script.id} AND c."companyId" = ${scope.companyId} AND c."clinicId" = ANY(${scope.clinicIds}::text[])
       GROUP BY c."variantId"`),
    attributeOutcomes(db, scope),
  ]);

  const counts = new Map<string, FunnelCounts & { bookedCalls: number }>(script.variants.map((v) => [v.id, { ...ZERO_COUNTS, bookedCalls: 0 }]));
  for (const r of rows) {
    const c = r.variantId ? counts.get(r.variantId) : undefined;
    if (!c) continue;
    Object.assign(c, { dialed: Number(r.dialed), answered: Number(r.answered), effective: Number(r.effective), interested: Number(r.interested), billedMinutes: Number(r.minutes), smsSent: Number(r.sms) });
  }
  for (const [callId, credit] of outcomes.byCall) {
    const call = outcomes.calls.get(callId);
    const c = call?.scriptId === script.id && call.variantId ? counts.get(call.variantId) : undefined;
    if (!c) continue;
    c.booked += credit.booked;
    c.visited += credit.visited;
    c.revenueCents += credit.revenueCents;
    if (credit.booked > 0) c.bookedCalls += 1;
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
