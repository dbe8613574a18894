import { permissionProcedure } from "@/server/trpc/init";
import { listConsultants } from "@/server/services/patients/list-consultants";

export const listConsultantsProcedure = permissionProcedure("patients.view").query(({ ctx }) =>
  listConsultants(ctx.db, ctx.scope),
);
