import type { JobEvent } from "./in-process-driver";
import { eventSender, runningDriver } from "./start-in-process-jobs";

/**
 * Emits events from request handlers and services (e.g. outbound/batch.started after a batch is created): to the
 * in-process driver when it runs in this process, to Inngest when instrumentation.ts registered its client. With
 * neither (a script, a test) there is nobody to run jobs, so nothing is sent.
 */
export async function sendEvents(events: JobEvent | JobEvent[]): Promise<void> {
  const driver = runningDriver();
  if (driver) {
    await driver.send(events);
    return;
  }
  const send = eventSender();
  if (send) await send(Array.isArray(events) ? events : [events]);
}
