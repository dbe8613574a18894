import { permissionProcedure } from "@/server/trpc/init";
import { updateClinic, updateClinicInput } from "@/server/services/clinics/update-clinic";

export const updateClinicProcedure = permissionProcedure("clinics.manage")
  .input(updateClinicInput)
  .mutation(({ ctx, input }) => updateClinic(ctx.db, ctx.scope, ctx.viewer, input));
