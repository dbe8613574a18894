import type { Viewer } from "./permissions";

/** A company member's tenancy: every tenant lookup of a service puts it into its `where`. */
export type Scope = {
  companyId: string;
  clinicIds: string[];
  /** Every clinic of the company, when known (from the viewer): clinicFilter then needs no query. */
  companyClinicIds?: readonly string[];
};

/** The scope of a signed-in company member (tRPC's companyProcedure, route handlers, server pages). */
export function scopeOf(viewer: Pick<Viewer, "clinicIds" | "companyClinicIds"> & { companyId: string }): Scope {
  return {
    companyId: viewer.companyId,
    clinicIds: viewer.clinicIds,
    ...(viewer.companyClinicIds ? { companyClinicIds: viewer.companyClinicIds } : {}),
  };
}
