import { createCallerFactory, createTRPCRouter } from "./init";
import { clinicsRouter } from "./routers/clinics";
import { outboundRouter } from "./routers/outbound";
import { patientsRouter } from "./routers/patients";
import { rolesRouter } from "./routers/roles";
import { meProcedure } from "./routers/viewer/me";

export const appRouter = createTRPCRouter({
  me: meProcedure,
  patients: patientsRouter,
  clinics: clinicsRouter,
  roles: rolesRouter,
  outbound: outboundRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
