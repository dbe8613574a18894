import { createTRPCRouter } from "@/server/trpc/init";
import { getCallRecordProcedure } from "./by-id";
import { callRecordFilterOptionsProcedure } from "./filter-options";
import { listCallRecordIntentsProcedure } from "./intents";
import { listCallRecordsProcedure } from "./list";
import { summarizeCallRecordsProcedure } from "./summary";
import { reanalyzeCallsProcedure } from "./reanalyze";
import { callAnalysisJobProcedure } from "./analysis-job";
import { correctCallIntentProcedure } from "./correct-intent";
import { undoCallOptOutProcedure } from "./undo-opt-out";

export const callRecordsRouter = createTRPCRouter({
  list: listCallRecordsProcedure,
  byId: getCallRecordProcedure,
  intents: listCallRecordIntentsProcedure,
  filterOptions: callRecordFilterOptionsProcedure,
  summary: summarizeCallRecordsProcedure,
  reanalyze: reanalyzeCallsProcedure,
  analysisJob: callAnalysisJobProcedure,
  correctIntent: correctCallIntentProcedure,
  undoOptOut: undoCallOptOutProcedure,
});
