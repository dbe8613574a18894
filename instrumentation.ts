/**
 * Runs once per Next.js server process. Without an Inngest server configured (the default), the app's background jobs —
 * the dialer tick, placing calls, handling ended calls — run in this process (server/jobs). Set INNGEST_DEV=1 (with
 * `npx inngest-cli dev`) or INNGEST_EVENT_KEY to hand them to Inngest instead; JOBS_DISABLED=1 runs none here.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.JOBS_DISABLED === "1") return;
  const { startInProcessJobs } = await import("./server/jobs/start-in-process-jobs");
  await startInProcessJobs();
}
