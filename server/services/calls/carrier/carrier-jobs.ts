/** What the carrier services hand over to the jobs (Inngest events `carrier/call.ended`, `carrier/recording.ready`). */
export type CarrierJob =
  | { name: "carrier/call.ended"; data: { carrierEventId: string } }
  | { name: "carrier/recording.ready"; data: { carrierEventId: string } };

export type DispatchCarrierJobs = (jobs: CarrierJob[]) => Promise<void>;

export function jobFor(event: { type: string; carrierEventId: string }): CarrierJob | null {
  if (event.type === "attempt.completed") return { name: "carrier/call.ended", data: { carrierEventId: event.carrierEventId } };
  if (event.type === "recording.ready") return { name: "carrier/recording.ready", data: { carrierEventId: event.carrierEventId } };
  return null;
}
