import type { AppEvent } from "./events";
import { eventSender, runningDriver } from "./start-in-process-jobs";

/**
 * The one way services and handlers emit events (e.g. `sendEvents(callAnalysisRequested.create({ … }))`, events in
 * server/jobs/events.ts): to the in-process driver when it runs in this process, to Inngest when instrumentation.ts
 * registered its client. With neither (a script, a test) there is nobody to run jobs, so nothing is sent.
 */
export async function sendEvents(events: AppEvent | AppEvent[]): Promise<void> {
  const driver = runningDriver();
  if (driver) {
    await driver.send(events);
    return;
  }
  const send = eventSender();
  if (send) await send(Array.isArray(events) ? events : [events]);
}
