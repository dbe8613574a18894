import type { PrismaClient, Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { aiCallFeaturesOf, DEFAULT_AI_CALL_FEATURES } from "@/server/domain/vendor/ai-call-features";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { updateAiCallFeaturesInput, type UpdateAiCallFeaturesInput } from "./ai-call-features.schema";
import { assertCompanyWide } from "@/server/services/tenancy/assert-company-wide";

/**
 * 外呼管理 → AI 通话功能: the company's setting as the dialer reads it (stored values with defaults), whether it is the
 * default, whether the configured carrier uses it at all (the simulator does not), and which of the caller's clinics
 * have a front desk to transfer to (set per clinic in 门诊信息).
 */
export async function getAiCallFeatures(db: Tx, scope: Scope, carrier: { usesAiCallFeatures?: boolean }) {
  const [company, clinics] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { aiCallFeatures: true } }),
    db.clinic.findMany({
      where: { companyId: scope.companyId, id: { in: scope.clinicIds } },
      orderBy: { createdAt: "asc" },
      select: { id: true, shortName: true, frontDeskSkillGroupId: true },
    }),
  ]);
  return {
    features: aiCallFeaturesOf(company.aiCallFeatures),
    defaults: DEFAULT_AI_CALL_FEATURES,
    isDefault: company.aiCallFeatures === null,
    vendorApplies: carrier.usesAiCallFeatures === true,
    clinics,
  };
}

/** Saves the setting (company admin: it applies to every clinic's calls, so it needs all of them); audited with before/after. */
export async function updateAiCallFeatures(db: PrismaClient, scope: Scope, viewer: Viewer, raw: UpdateAiCallFeaturesInput) {
  const input = updateAiCallFeaturesInput.parse(raw);
  return db.$transaction(async (tx) => {
    await assertCompanyWide(tx, scope, "AI 通话功能");
    const before = await tx.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { aiCallFeatures: true } });
    await tx.company.update({ where: { id: scope.companyId }, data: { aiCallFeatures: input } });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "company.aiCallFeatures",
      targetType: "company",
      targetId: scope.companyId,
      data: { before: { ...aiCallFeaturesOf(before.aiCallFeatures) }, after: input },
    });
    return aiCallFeaturesOf(input);
  });
}
