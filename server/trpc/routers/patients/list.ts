import { permissionProcedure } from "@/server/trpc/init";
import { listPatients, listPatientsInput } from "@/server/services/patients/list-patients";

export const listPatientsProcedure = permissionProcedure("patients.view")
  .input(listPatientsInput)
  .query(({ ctx, input }) => listPatients(ctx.db, ctx.scope, ctx.viewer, input));
