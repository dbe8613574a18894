import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";

/**
 * The clinic condition for a tenant query: none when the caller sees every clinic of the company (companyId already
 * says it all, and leaving it out lets PostgreSQL answer counts from indexes alone), else the allowed clinics.
 */
export async function clinicFilter(db: Tx, scope: Scope): Promise<{ in: string[] } | undefined> {
  // The viewer's scope carries the company's clinics (loaded with the viewer, dropped from its cache when they change):
  // the same decision without two counts per request (issue 29).
  if (scope.companyClinicIds) {
    const mine = new Set(scope.clinicIds);
    const whole = scope.companyClinicIds.length > 0 && scope.companyClinicIds.every((id) => mine.has(id));
    return whole ? undefined : { in: scope.clinicIds };
  }
  const [all, mine] = await Promise.all([
    db.clinic.count({ where: { companyId: scope.companyId } }),
    db.clinic.count({ where: { companyId: scope.companyId, id: { in: scope.clinicIds } } }),
  ]);
  return all > 0 && mine === all ? undefined : { in: scope.clinicIds };
}
