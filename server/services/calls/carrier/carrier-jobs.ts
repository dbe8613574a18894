import { carrierCallEnded, carrierRecordingReady } from "@/server/jobs/events";

/** What the carrier services hand over to the jobs: the events that process a recorded result or recording notice. */
export type CarrierJob = ReturnType<typeof carrierCallEnded.create> | ReturnType<typeof carrierRecordingReady.create>;

export type DispatchCarrierJobs = (jobs: CarrierJob[]) => Promise<void>;

export function jobFor(event: { type: string; carrierEventId: string }): CarrierJob | null {
  if (event.type === "attempt.completed") return carrierCallEnded.create({ carrierEventId: event.carrierEventId });
  if (event.type === "recording.ready") return carrierRecordingReady.create({ carrierEventId: event.carrierEventId });
  return null;
}
