import { createTRPCRouter } from "@/server/trpc/init";
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
});
