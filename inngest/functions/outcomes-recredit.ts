import { cron } from "inngest";
import { inngest } from "../client";
import { jobDeps } from "@/server/jobs/job-deps";
import { recreditStaleCompanies } from "@/server/services/outcomes/credit-outcomes";

/**
 * 效果分析 credits: every 5 minutes, the companies whose stored credits are marked stale (the migration's backfill, a
 * changed attribution window) are recomputed from their rows (docs/outcomes.md, "Credits are written").
 */
export const outcomesRecredit = inngest.createFunction(
  { id: "outcomes-recredit", name: "效果分析归因重算", triggers: [cron("*/5 * * * *")], concurrency: { limit: 1 } },
  async ({ step }) =>
    step.run("recredit", async () => {
      const { db } = await jobDeps();
      return recreditStaleCompanies(db);
    }),
);
