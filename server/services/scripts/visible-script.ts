import type { Scope } from "@/server/domain/auth/scope";

/** A script is visible to a caller of its company who may see at least one of its 适用门店. */
export const visibleScript = (scope: Scope) => ({
  companyId: scope.companyId,
  clinics: { some: { clinicId: { in: scope.clinicIds } } },
});
