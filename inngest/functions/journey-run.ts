import { cron } from "inngest";
import { inngest } from "../client";
import { batchStarted, journeyRunRequested } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { advanceDueJourneyEntries } from "@/server/services/journeys/advance-journeys";
import { findDueJourneyRuns } from "@/server/services/journeys/find-due-journey-runs";
import { runJourney } from "@/server/services/journeys/run-journey";

/**
 * 自动旅程调度. Every minute: find the journeys whose scheduled instant (in each clinic's time zone) is due and request
 * one run each, and move on the patients whose wait is over or whose call has ended. A requested run evaluates the
 * segment and dispatches; JourneyRun's unique (journey, instant) makes a repeated request a no-op. New call tasks wake
 * the dialer at once.
 */
export const journeyRun = inngest.createFunction(
  { id: "journey-run", name: "自动旅程调度", triggers: [cron("* * * * *"), journeyRunRequested], retries: 3 },
  async ({ event, step }) => {
    if (event.name === journeyRunRequested.name) {
      const data = event.data as { journeyId: string; scheduledFor: string };
      const result = await step.run("run-journey", async () => {
        const deps = await jobDeps();
        return runJourney(deps.db, { journeyId: data.journeyId, scheduledFor: new Date(data.scheduledFor) }, deps.now());
      });
      if (result.status === "ran" && result.scriptIds.length > 0) {
        await step.sendEvent("start-dialer", result.scriptIds.map((scriptId) => batchStarted.create({ companyId: result.companyId, scriptId })));
      }
      return result;
    }

    const due = await step.run("find-due-runs", async () => {
      const deps = await jobDeps();
      return (await findDueJourneyRuns(deps.db, deps.now())).map((d) => ({ journeyId: d.journeyId, scheduledFor: d.scheduledFor.toISOString() }));
    });
    if (due.length > 0) await step.sendEvent("request-runs", due.map((d) => journeyRunRequested.create(d)));
    const advanced = await step.run("advance-patients", async () => {
      const deps = await jobDeps();
      return advanceDueJourneyEntries(deps.db, deps.now());
    });
    if (advanced.dispatches.length > 0) {
      await step.sendEvent("start-dialer-after-advance", advanced.dispatches.map((d) => batchStarted.create(d)));
    }
    return { requested: due.length, advanced: advanced.advanced };
  },
);
