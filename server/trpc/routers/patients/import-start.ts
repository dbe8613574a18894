import { permissionProcedure } from "@/server/trpc/init";
import { startPatientImport, startPatientImportInput } from "@/server/services/patients/import/start-patient-import";
import { rateLimited } from "@/server/trpc/init";

export const startPatientImportProcedure = permissionProcedure("patients.import")
  .input(startPatientImportInput)
  .use(rateLimited("patientImport"))
  .mutation(({ ctx, input }) => startPatientImport(ctx.db, ctx.ports.storage, ctx.scope, ctx.viewer, input));
