import { createTRPCRouter } from "@/server/trpc/init";
import { changeCallBatchProcedure } from "./change";
import { listCallBatchesProcedure } from "./list";
import { batchPatientsProcedure } from "./patients";
import { previewBatchCallProcedure } from "./preview";
import { batchProgressProcedure } from "./progress";
import { batchScriptDialoguesProcedure } from "./script-dialogues";
import { startBatchCallProcedure } from "./start";

export const batchCallRouter = createTRPCRouter({
  patients: batchPatientsProcedure,
  preview: previewBatchCallProcedure,
  start: startBatchCallProcedure,
  progress: batchProgressProcedure,
  scriptDialogues: batchScriptDialoguesProcedure,
  list: listCallBatchesProcedure,
  change: changeCallBatchProcedure,
});
