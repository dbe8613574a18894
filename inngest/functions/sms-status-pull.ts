import { cron } from "inngest";
import { inngest } from "../client";
import { jobDeps } from "@/server/jobs/job-deps";
import { pullSmsStatus } from "@/server/services/sms/pull-sms-status";

/**
 * 短信状态拉取: every 5 minutes, receipts the vendor's callback never brought (PullSmsSendStatus) and the patients'
 * replies (PullSmsReplyStatus: TD / 退订 → opt-out list). Providers without the pull actions (the simulator) do nothing.
 */
export const smsStatusPull = inngest.createFunction(
  { id: "sms-status-pull", name: "短信状态拉取", triggers: [cron("*/5 * * * *")], concurrency: { limit: 1 } },
  async ({ step }) =>
    step.run("pull", async () => {
      const { db, sms, now } = await jobDeps();
      return pullSmsStatus(db, sms, now());
    }),
);
