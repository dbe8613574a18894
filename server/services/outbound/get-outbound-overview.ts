import type { Tx } from "@/server/db/create-client";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/trpc/init";

/** What the 外呼管理 page header needs: opened clinics and the company's dialer limits. */
export async function getOutboundOverview(db: Tx, scope: Scope) {
  const company = await db.company.findUnique({
    where: { id: scope.companyId },
    select: {
      seatLimit: true,
      seatsPerScript: true,
      dialsPerMinuteScript: true,
      redialIntervalMin: true,
      redialMaxAttempts: true,
      clinics: { where: { id: { in: scope.clinicIds } }, select: { id: true, shortName: true, outboundOpenedAt: true }, orderBy: { createdAt: "asc" } },
      qualificationApplications: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, rejectReason: true } },
    },
  });
  if (!company) throw AppError.notFound("企业");
  const { clinics, qualificationApplications, ...limits } = company;
  return {
    limits,
    qualification: qualificationApplications[0] ?? null,
    openedClinics: clinics.filter((c) => c.outboundOpenedAt),
    clinics,
  };
}
