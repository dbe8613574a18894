import type { Tx } from "@/server/db/create-client";
import { loadOutboundAccess } from "@/server/services/dialer/outbound/load-outbound-access";
import { getJourneyCallTotals } from "@/server/services/metrics/get-journey-metrics";
import type { Scope } from "@/server/domain/auth/scope";

/** MA 数据看板: journeys by status and, once the company has 智能外呼, the journey calls' two totals (seed §6.5). */
export async function getJourneyDashboard(db: Tx, scope: Scope) {
  const [byStatus, access] = await Promise.all([
    db.journey.groupBy({ by: ["status"], where: { companyId: scope.companyId, clinicId: { in: scope.clinicIds } }, _count: { _all: true } }),
    loadOutboundAccess(db, scope.companyId),
  ]);
  const journeys = { draft: 0, published: 0, paused: 0, ended: 0 };
  for (const g of byStatus) journeys[g.status] = g._count._all;
  return { journeys, outbound: access === "approved" ? await getJourneyCallTotals(db, scope) : null };
}
