import { companyProcedure } from "@/server/trpc/init";
import { listClinics } from "@/server/services/clinics/list-clinics";

export const listClinicsProcedure = companyProcedure.query(({ ctx }) => listClinics(ctx.db, ctx.scope));
