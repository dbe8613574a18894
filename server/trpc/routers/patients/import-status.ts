import { permissionProcedure } from "@/server/trpc/init";
import { getPatientImport, getPatientImportInput } from "@/server/services/patients/import/get-patient-import";

export const patientImportStatusProcedure = permissionProcedure("patients.import")
  .input(getPatientImportInput)
  .query(({ ctx, input }) => getPatientImport(ctx.db, ctx.scope, input));
