import { createTRPCRouter } from "@/server/trpc/init";
import { managedScriptDetailProcedure } from "./detail";
import { scriptRosterProcedure } from "./roster";
import { listManagedScriptsProcedure } from "./scripts";

export const outboundManagementRouter = createTRPCRouter({
  scripts: listManagedScriptsProcedure,
  detail: managedScriptDetailProcedure,
  roster: scriptRosterProcedure,
});
