import type { PrismaClient } from "@/server/db/create-client";
import type { Prisma } from "@/server/generated/prisma/client";
import type { CarrierEvent } from "@/server/ports/carrier";
import { parseClientRef } from "@/server/domain/call-tasks/client-ref";
import { jobFor, type DispatchCarrierJobs } from "./carrier-jobs";

export interface IngestResult {
  received: number;
  recorded: number;
  duplicates: number;
}

/**
 * Records verified carrier events once each (CarrierEvent.carrierEventId is unique) and hands the new ones to the jobs.
 * A duplicate delivery — or the same event found again by reconciliation — is recorded no second time and handed over
 * no second time. Progress states (call.state) are kept for the record only: the result is what moves a task.
 * A hand-over that fails is not fatal: reconciliation hands over events left unprocessed.
 */
export async function ingestCarrierEvents(
  db: PrismaClient,
  events: readonly CarrierEvent[],
  dispatch: DispatchCarrierJobs,
  now: Date = new Date(),
): Promise<IngestResult> {
  const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
  if (unique.length === 0) return { received: events.length, recorded: 0, duplicates: 0 };

  const refs = unique.map((e) => parseClientRef(e.clientRef)).filter((r) => r !== null);
  const calls = await db.call.findMany({
    where: { OR: [...refs.map((r) => ({ taskId: r.taskId, attempt: r.attempt })), { carrierCallId: { in: unique.map((e) => e.carrierCallId) } }] },
    select: { id: true, taskId: true, attempt: true, carrierCallId: true },
  });
  const callIdOf = (e: CarrierEvent) => {
    const ref = parseClientRef(e.clientRef);
    const hit = (ref && calls.find((c) => c.taskId === ref.taskId && c.attempt === ref.attempt)) || calls.find((c) => c.carrierCallId === e.carrierCallId);
    return hit?.id ?? null;
  };

  const inserted = await db.carrierEvent.createManyAndReturn({
    data: unique.map((e) => ({
      carrierEventId: e.eventId,
      carrierCallId: e.carrierCallId,
      callId: callIdOf(e),
      type: e.type,
      payload: e as unknown as Prisma.InputJsonValue,
      receivedAt: now,
      processedAt: e.type === "call.state" ? now : null,
    })),
    skipDuplicates: true,
    select: { carrierEventId: true, type: true },
  });

  const jobs = inserted.map(jobFor).filter((j) => j !== null);
  if (jobs.length > 0) {
    try {
      await dispatch(jobs);
    } catch (error) {
      console.error("[carrier] hand-over failed; reconciliation will retry", error);
    }
  }
  return { received: events.length, recorded: inserted.length, duplicates: unique.length - inserted.length + (events.length - unique.length) };
}
