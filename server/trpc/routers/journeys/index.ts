import { createTRPCRouter } from "@/server/trpc/init";
import { journeyByIdProcedure } from "./by-id";
import { changeJourneyStatusProcedure } from "./change-status";
import { createJourneyProcedure } from "./create";
import { journeyDashboardProcedure } from "./dashboard";
import { deleteJourneyProcedure } from "./delete";
import { listJourneysProcedure } from "./list";
import { journeyNodeMetricsProcedure } from "./node-metrics";
import { journeyRosterProcedure } from "./roster";
import { saveJourneyProcedure } from "./save";
import { journeyScriptsProcedure } from "./scripts";

export const journeysRouter = createTRPCRouter({
  list: listJourneysProcedure,
  byId: journeyByIdProcedure,
  create: createJourneyProcedure,
  save: saveJourneyProcedure,
  changeStatus: changeJourneyStatusProcedure,
  delete: deleteJourneyProcedure,
  scripts: journeyScriptsProcedure,
  roster: journeyRosterProcedure,
  nodeMetrics: journeyNodeMetricsProcedure,
  dashboard: journeyDashboardProcedure,
});
