import type { PrismaClient, Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { OUTCOME_SETTING_LIMITS, outcomeSettingsOf, updateOutcomeSettingsInput, type UpdateOutcomeSettingsInput } from "@/server/domain/outcomes/outcome-settings";
import { assertCompanyWide } from "@/server/services/tenancy/assert-company-wide";

const SELECT = { attributionWindowDays: true, callPriceCentsPerMinute: true, smsPriceCents: true, outcomeCreditsStaleAt: true } as const;

/** 效果分析 → 归因与成本设置: the company's values (defaults filled in) and whether credits are being recomputed. */
export async function getOutcomeSettings(db: Tx, scope: Scope) {
  const company = await db.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: SELECT });
  return { settings: outcomeSettingsOf(company), limits: OUTCOME_SETTING_LIMITS, recomputing: company.outcomeCreditsStaleAt !== null };
}

/**
 * Saves them (company-wide, so only an admin who sees every clinic); audited with before / after. A changed window
 * marks the company's credits stale: the outcomes-recredit cron recomputes them within 5 minutes (docs/outcomes.md).
 * Prices are read when a funnel is read, so they count at once.
 */
export async function updateOutcomeSettings(db: PrismaClient, scope: Scope, viewer: Viewer, raw: UpdateOutcomeSettingsInput) {
  const input = updateOutcomeSettingsInput.parse(raw);
  return db.$transaction(async (tx) => {
    await assertCompanyWide(tx, scope, "归因与成本设置");
    const before = outcomeSettingsOf(await tx.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: SELECT }));
    const windowChanged = before.windowDays !== input.windowDays;
    const company = await tx.company.update({
      where: { id: scope.companyId },
      data: {
        attributionWindowDays: input.windowDays,
        callPriceCentsPerMinute: input.callPriceCentsPerMinute,
        smsPriceCents: input.smsPriceCents,
        ...(windowChanged ? { outcomeCreditsStaleAt: new Date() } : {}),
      },
      select: SELECT,
    });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "company.outcomeSettings",
      targetType: "company",
      targetId: scope.companyId,
      data: { before: { ...before }, after: input },
    });
    return { settings: outcomeSettingsOf(company), limits: OUTCOME_SETTING_LIMITS, recomputing: company.outcomeCreditsStaleAt !== null };
  });
}
