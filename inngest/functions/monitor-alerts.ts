import { cron } from "inngest";
import { inngest } from "../client";
import { jobDeps } from "@/server/jobs/job-deps";
import { deliverMonitorAlerts } from "@/server/services/dialer/monitor/deliver-monitor-alerts";

/** Every minute: 实时监控 alerts sent by SMS / webhook to the companies that asked, each cause at most once an hour. */
export const monitorAlertsJob = inngest.createFunction(
  { id: "monitor-alerts", name: "实时监控告警", triggers: [cron("* * * * *")], concurrency: { limit: 1 }, retries: 0 },
  async ({ step }) =>
    step.run("deliver", async () => {
      const deps = await jobDeps();
      return deliverMonitorAlerts(deps.db, deps.sms, deps.now());
    }),
);
