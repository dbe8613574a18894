import { createTRPCRouter } from "@/server/trpc/init";
import { aiCallFeaturesProcedure } from "./ai-call-features";
import { callingHoldProcedure } from "./calling-hold";
import { managedScriptDetailProcedure } from "./detail";
import { resumeCallingProcedure } from "./resume-calling";
import { scriptRosterProcedure } from "./roster";
import { updateAiCallFeaturesProcedure } from "./update-ai-call-features";
import { listManagedScriptsProcedure } from "./scripts";
import { vendorCapacityProcedure } from "./vendor-capacity";

export const outboundManagementRouter = createTRPCRouter({
  scripts: listManagedScriptsProcedure,
  detail: managedScriptDetailProcedure,
  roster: scriptRosterProcedure,
  callingHold: callingHoldProcedure,
  resumeCalling: resumeCallingProcedure,
  vendorCapacity: vendorCapacityProcedure,
  aiCallFeatures: aiCallFeaturesProcedure,
  updateAiCallFeatures: updateAiCallFeaturesProcedure,
});
