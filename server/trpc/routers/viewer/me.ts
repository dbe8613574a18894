import { authedProcedure } from "@/server/trpc/init";

export const meProcedure = authedProcedure.query(({ ctx }) => {
  // companyClinicIds is the server's own bookkeeping (a clinic-limited user is not told the company's other clinics).
  const { permissions, companyClinicIds: _companyClinicIds, ...rest } = ctx.viewer;
  return { ...rest, permissions: [...permissions] };
});
