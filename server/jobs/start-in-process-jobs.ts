import type { InngestFunction } from "inngest";
import type { InProcessDriver, JobEvent } from "./in-process-driver";

/** Sends events to an Inngest server; registered at boot by instrumentation.ts when one is configured. */
export type EventSender = (events: JobEvent[]) => Promise<unknown>;

const holder = globalThis as unknown as { __zwJobDriver?: InProcessDriver; __zwEventSender?: EventSender };

/** Inngest is used when a dev server or an event key is configured; otherwise jobs run in this process. */
export function inngestConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.INNGEST_DEV || env.INNGEST_EVENT_KEY || env.INNGEST_BASE_URL);
}

export function runningDriver(): InProcessDriver | undefined {
  return holder.__zwJobDriver;
}

export function eventSender(): EventSender | undefined {
  return holder.__zwEventSender;
}

/** With Inngest configured, events go through its client (kept on globalThis, shared by Next's separate bundles). */
export function setEventSender(send: EventSender | undefined) {
  holder.__zwEventSender = send;
}

/**
 * Starts the in-process driver for these functions once per Node process (kept on globalThis, so Next's separate
 * bundles and dev reloads share it). instrumentation.ts passes the app's functions (inngest/index.ts) in, so the job
 * runtime never imports what it runs. Does nothing when Inngest is configured. JOBS_CRONS=0: events only, no crons.
 */
export async function startInProcessJobs(functions: InngestFunction.Any[]): Promise<InProcessDriver | undefined> {
  if (holder.__zwJobDriver || inngestConfigured()) return holder.__zwJobDriver;
  const { InProcessDriver } = await import("./in-process-driver");
  if (holder.__zwJobDriver) return holder.__zwJobDriver;
  const everyMinuteMs = Number(process.env.JOBS_EVERY_MINUTE_MS) || undefined;
  const driver = new InProcessDriver(functions, { everyMinuteMs });
  holder.__zwJobDriver = driver;
  // Under `npm start`'s cluster (scripts/start-server.mjs) one worker fires the crons; every worker runs the events its
  // own requests send.
  if (process.env.JOBS_CRONS !== "0") driver.start();
  return driver;
}
