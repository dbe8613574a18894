import type { Tx } from "@/server/db/create-client";
import { companyLimits } from "@/server/domain/calling-policy";
import { callingWindowWait } from "@/server/domain/calling-policy/calling-window";
import { mayUseOutbound, outboundAccessState } from "@/server/domain/outbound/outbound-access";
import { AppError } from "@/server/errors";
import { getCallBalance } from "@/server/services/scripts/get-call-balance";
import type { Scope } from "@/server/domain/auth/scope";

/**
 * What the 外呼管理 page needs: where the company stands on onboarding (intro / 审核中 / 已驳回 / opened), the
 * opened clinics and the company's dialer limits. Readable before approval, since it drives the onboarding pages.
 */
export async function getOutboundOverview(db: Tx, scope: Scope, now: Date = new Date()) {
  const company = await db.company.findUnique({
    where: { id: scope.companyId },
    select: {
      seatLimit: true,
      seatsPerScript: true,
      dialsPerMinuteScript: true,
      redialIntervalMin: true,
      redialMaxAttempts: true,
      clinics: { where: { id: { in: scope.clinicIds } }, select: { id: true, shortName: true, outboundOpenedAt: true, timezone: true }, orderBy: { createdAt: "asc" } },
      qualificationApplications: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { status: true, rejectReason: true, submittedAt: true, reviewedAt: true },
      },
    },
  });
  if (!company) throw AppError.notFound("企业");
  const { clinics, qualificationApplications, ...configured } = company;
  const limits = companyLimits(configured);
  const qualification = qualificationApplications[0] ?? null;
  const access = outboundAccessState(qualification?.status ?? null);
  const enabled = mayUseOutbound(access);
  const openedClinics = enabled ? clinics.filter((c) => c.outboundOpenedAt) : [];
  return {
    /** 外呼余额 (call minutes, the ledger's sum): scripts pause for 余额不足 at 0. Null before the company may call. */
    callBalance: enabled ? await getCallBalance(db, scope.companyId) : null,
    access,
    enabled,
    /** Outside 09:00–20:00 of the (first opened) clinic's zone: when calls launched now will start. */
    callingWindow: openedClinics[0] ? callingWindowWait(now, openedClinics[0].timezone) : null,
    limits,
    qualification,
    // Before approval no clinic counts as opened, whatever its flag says.
    openedClinics,
    clinics,
  };
}
