import { sendEvents } from "@/server/jobs/send-events";
import type { DispatchCarrierJobs } from "./carrier-jobs";

/** Hands carrier jobs to the app's jobs (the in-process driver, or Inngest when configured). */
export const dispatchCarrierJobs: DispatchCarrierJobs = (jobs) => sendEvents(jobs);
