import { createTRPCRouter } from "@/server/trpc/init";
import { scriptAudioProcedure } from "./audio";
import { scriptByIdProcedure } from "./by-id";
import { callableScriptsProcedure } from "./callable";
import { scriptClinicsProcedure } from "./clinics";
import { createScriptProcedure } from "./create";
import { enableScriptProcedure } from "./enable";
import { generateScriptProcedure } from "./generate";
import { listScriptsProcedure } from "./list";
import { pauseScriptProcedure } from "./pause";
import { smsOptionsProcedure } from "./sms-options";
import { stopScriptProcedure } from "./stop";
import { scriptTemplatesProcedure } from "./templates";
import { updateScriptProcedure } from "./update";
import { voicesProcedure } from "./voices";
import { intentLabelsProcedure } from "./intent-labels";
import { updateIntentLabelsProcedure } from "./update-intent-labels";
import { variantsProcedure } from "./variants";
import { saveVariantsProcedure } from "./save-variants";
import { endAbTestProcedure } from "./end-ab-test";

export const scriptsRouter = createTRPCRouter({
  list: listScriptsProcedure,
  byId: scriptByIdProcedure,
  templates: scriptTemplatesProcedure,
  voices: voicesProcedure,
  smsOptions: smsOptionsProcedure,
  generate: generateScriptProcedure,
  create: createScriptProcedure,
  update: updateScriptProcedure,
  enable: enableScriptProcedure,
  pause: pauseScriptProcedure,
  stop: stopScriptProcedure,
  audio: scriptAudioProcedure,
  callable: callableScriptsProcedure,
  clinics: scriptClinicsProcedure,
  intentLabels: intentLabelsProcedure,
  updateIntentLabels: updateIntentLabelsProcedure,
  variants: variantsProcedure,
  saveVariants: saveVariantsProcedure,
  endAbTest: endAbTestProcedure,
});
