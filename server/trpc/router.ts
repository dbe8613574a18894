import { createCallerFactory, createTRPCRouter } from "./init";
import { batchCallRouter } from "./routers/batch-call";
import { callRecordsRouter } from "./routers/call-records";
import { clinicsRouter } from "./routers/clinics";
import { followUpsRouter } from "./routers/follow-ups";
import { integrationsRouter } from "./routers/integrations";
import { outboundManagementRouter } from "./routers/outbound-management";
import { journeysRouter } from "./routers/journeys";
import { monitorRouter } from "./routers/monitor";
import { outboundRouter } from "./routers/outbound";
import { outcomesRouter } from "./routers/outcomes";
import { patientsRouter } from "./routers/patients";
import { qualificationRouter } from "./routers/qualification";
import { qualificationReviewRouter } from "./routers/qualification-review";
import { rolesRouter } from "./routers/roles";
import { staffRouter } from "./routers/staff";
import { segmentsRouter } from "./routers/segments";
import { scriptsRouter } from "./routers/scripts";
import { smsRouter } from "./routers/sms";
import { meProcedure } from "./routers/viewer/me";

export const appRouter = createTRPCRouter({
  me: meProcedure,
  patients: patientsRouter,
  clinics: clinicsRouter,
  roles: rolesRouter,
  staff: staffRouter,
  outbound: outboundRouter,
  callRecords: callRecordsRouter,
  batchCall: batchCallRouter,
  followUps: followUpsRouter,
  outboundManagement: outboundManagementRouter,
  monitor: monitorRouter,
  qualification: qualificationRouter,
  qualificationReview: qualificationReviewRouter,
  segments: segmentsRouter,
  journeys: journeysRouter,
  scripts: scriptsRouter,
  sms: smsRouter,
  integrations: integrationsRouter,
  outcomes: outcomesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
