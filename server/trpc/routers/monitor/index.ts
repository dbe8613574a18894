import { createTRPCRouter } from "@/server/trpc/init";
import { monitorAlertSettingsProcedure } from "./alert-settings";
import { monitorLiveProcedure } from "./live";
import { monitorPlatformProcedure } from "./platform";
import { monitorPlatformLiveProcedure } from "./platform-live";
import { monitorSnapshotProcedure } from "./snapshot";
import { monitorUpdateAlertSettingsProcedure } from "./update-alert-settings";

export const monitorRouter = createTRPCRouter({
  snapshot: monitorSnapshotProcedure,
  live: monitorLiveProcedure,
  alertSettings: monitorAlertSettingsProcedure,
  updateAlertSettings: monitorUpdateAlertSettingsProcedure,
  platform: monitorPlatformProcedure,
  platformLive: monitorPlatformLiveProcedure,
});
