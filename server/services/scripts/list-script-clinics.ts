import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";

/** The caller's clinics for 适用门店 and 门店参数, with the 诊所简称/地址 the scripts speak. */
export async function listScriptClinics(db: Tx, scope: Scope) {
  const clinics = await db.clinic.findMany({
    where: { companyId: scope.companyId, id: { in: scope.clinicIds } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, shortName: true, address: true, outboundOpenedAt: true },
  });
  return clinics.map(({ outboundOpenedAt, ...c }) => ({ ...c, opened: outboundOpenedAt !== null }));
}
