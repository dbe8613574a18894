import type { Tx } from "@/server/db/create-client";
import { parseClientRef } from "@/server/domain/call-tasks/client-ref";

/**
 * The Call row a carrier event is about: by our echoed clientRef `${taskId}:${attempt}` (robust even if the event beats
 * the carrier call id being saved), else by the carrier's call id.
 */
export async function findCallIdForEvent(db: Tx, event: { clientRef: string; carrierCallId: string }): Promise<string | null> {
  const ref = parseClientRef(event.clientRef);
  if (ref) {
    const byRef = await db.call.findUnique({ where: { taskId_attempt: ref }, select: { id: true } });
    if (byRef) return byRef.id;
  }
  const byCarrier = await db.call.findUnique({ where: { carrierCallId: event.carrierCallId }, select: { id: true } });
  return byCarrier?.id ?? null;
}
