import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";

export function listClinics(db: Tx, scope: Scope) {
  return db.clinic.findMany({
    where: { companyId: scope.companyId, id: { in: scope.clinicIds } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, shortName: true, address: true, phone: true, timezone: true, outboundOpenedAt: true, updatedAt: true, followUpComplaintHours: true, followUpCallbackByHour: true, followUpOthersByHour: true, frontDeskSkillGroupId: true },
  });
}
