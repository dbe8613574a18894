import { createTRPCRouter } from "@/server/trpc/init";
import { getPatientProcedure } from "./by-id";
import { listConsultantsProcedure } from "./consultants";
import { startPatientImportProcedure } from "./import-start";
import { patientImportStatusProcedure } from "./import-status";
import { listPatientsProcedure } from "./list";

export const patientsRouter = createTRPCRouter({
  list: listPatientsProcedure,
  byId: getPatientProcedure,
  consultants: listConsultantsProcedure,
  importStart: startPatientImportProcedure,
  importStatus: patientImportStatusProcedure,
});
