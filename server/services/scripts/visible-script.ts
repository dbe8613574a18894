import type { Scope } from "@/server/domain/auth/scope";

/** A script is visible to a caller of its company who may see at least one of its 适用门店. */
export const visibleScript = (scope: Scope) => ({
  companyId: scope.companyId,
  clinics: { some: { clinicId: { in: scope.clinicIds } } },
});

/** A script's 适用门店 as the caller may see them: only the clinics of their scope. */
export function visibleClinics<C extends { id: string }>(clinics: readonly { clinic: C }[], scope: Scope): C[] {
  return clinics.map((c) => c.clinic).filter((c) => scope.clinicIds.includes(c.id));
}
