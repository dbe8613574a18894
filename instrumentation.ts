/**
 * Runs once per Next.js server process. Without an Inngest server configured (the default), the app's background jobs —
 * the dialer tick, placing calls, handling ended calls — run in this process (server/jobs), given the app's functions
 * from inngest/. Set INNGEST_DEV=1 (with `npx inngest-cli dev`) or INNGEST_EVENT_KEY to hand them to Inngest instead
 * (events then go through its client); JOBS_DISABLED=1 runs none here.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { installPeerAddressHook } = await import("./server/http/peer-address");
  installPeerAddressHook();
  const jobs = await import("./server/jobs/start-in-process-jobs");
  if (jobs.inngestConfigured()) {
    const { inngest } = await import("./inngest/client");
    jobs.setEventSender((events) => inngest.send(events as Parameters<typeof inngest.send>[0]));
    return;
  }
  if (process.env.JOBS_DISABLED === "1") return;
  const { functions } = await import("./inngest");
  await jobs.startInProcessJobs(functions);
}
