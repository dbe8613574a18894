import { createTRPCRouter } from "@/server/trpc/init";
import { getPatientProcedure } from "./by-id";
import { listConsultantsProcedure } from "./consultants";
import { listPatientsProcedure } from "./list";

export const patientsRouter = createTRPCRouter({
  list: listPatientsProcedure,
  byId: getPatientProcedure,
  consultants: listConsultantsProcedure,
});
