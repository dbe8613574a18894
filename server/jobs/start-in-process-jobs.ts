import type { InProcessDriver } from "./in-process-driver";

const holder = globalThis as unknown as { __zwJobDriver?: InProcessDriver };

/** Inngest is used when a dev server or an event key is configured; otherwise jobs run in this process. */
export function inngestConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.INNGEST_DEV || env.INNGEST_EVENT_KEY || env.INNGEST_BASE_URL);
}

export function runningDriver(): InProcessDriver | undefined {
  return holder.__zwJobDriver;
}

/**
 * Starts the in-process driver once per Node process (kept on globalThis, so Next's separate bundles and dev reloads
 * share it). Called from instrumentation.ts; does nothing when Inngest is configured.
 */
export async function startInProcessJobs(): Promise<InProcessDriver | undefined> {
  if (holder.__zwJobDriver || inngestConfigured()) return holder.__zwJobDriver;
  const [{ InProcessDriver }, { functions }] = await Promise.all([import("./in-process-driver"), import("@/inngest")]);
  if (holder.__zwJobDriver) return holder.__zwJobDriver;
  const everyMinuteMs = Number(process.env.JOBS_EVERY_MINUTE_MS) || undefined;
  const driver = new InProcessDriver(functions, { everyMinuteMs });
  holder.__zwJobDriver = driver;
  driver.start();
  return driver;
}

export function stopInProcessJobs() {
  holder.__zwJobDriver?.stop();
  holder.__zwJobDriver = undefined;
}
