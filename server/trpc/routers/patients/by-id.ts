import { z } from "zod";
import { permissionProcedure } from "@/server/trpc/init";
import { getPatient } from "@/server/services/patients/get-patient";

export const getPatientProcedure = permissionProcedure("patients.view")
  .input(z.object({ id: z.string().min(1) }))
  .query(({ ctx, input }) => getPatient(ctx.db, ctx.scope, ctx.viewer, input.id));
