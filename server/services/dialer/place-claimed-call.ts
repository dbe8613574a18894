import type { PrismaClient } from "@/server/db/create-client";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { Prisma } from "@/server/generated/prisma/client";
import { CarrierRejected, type CarrierPort } from "@/server/ports/carrier";
import type { ClaimedTask } from "./claim-due-tasks";
import { buildCallScript } from "./build-call-script";
import { failClaim, markPlacing, releaseClaims, withCallRows } from "./call-rows";
import { CARRIER_RETRY_MS } from "./dialer-settings";

export type PlaceResult =
  | { status: "placed"; carrierCallId: string; callId: string }
  | { status: "skipped"; why: "claimLost" }
  | { status: "failed"; reason: string }
  | { status: "retryLater"; reason: string };

/**
 * Places one claimed attempt. The claim token guards every write, so a claim that was recovered (and maybe claimed
 * again by another worker) is left alone. placingAt is written before the carrier is asked: from then on a crash is
 * recovered only after the carrier has had time to report, never by dialing the same attempt again at once.
 *
 * `clock` is read when the placement starts and again when the carrier has accepted: the Call row's dialedAt is that
 * second instant, never earlier than the carrier received the request, so the per-minute count (loadDialerLoad) counts
 * every dial the carrier counts in a minute. A fixed Date (tests) is a clock that stands still.
 */
export async function placeClaimedCall(db: PrismaClient, carrier: CarrierPort, claim: ClaimedTask, clock: Date | (() => Date)): Promise<PlaceResult> {
  const read = typeof clock === "function" ? clock : () => clock;
  const now = read();
  const built = await buildCallScript(db, claim.taskId, now);
  if (!built.ok) {
    const count = await failClaim(db, claim, built.reason, now);
    return count ? { status: "failed", reason: built.reason } : { status: "skipped", why: "claimLost" };
  }
  if (!(await markPlacing(db, claim, now))) return { status: "skipped", why: "claimLost" };

  let accepted: { carrierCallId: string; callerId: string };
  try {
    accepted = await carrier.createCall({ ...built.input, clientRef: clientRefOf(claim.taskId, claim.attempt) });
  } catch (error) {
    if (!(error instanceof CarrierRejected)) throw error; // unknown whether it was accepted: placingAt stays set
    if (error.reason === "invalidNumber") {
      await failClaim(db, claim, "invalidMobile", now);
      return { status: "failed", reason: "invalidMobile" };
    }
    await releaseClaims(db, {
      where: Prisma.sql`t.id = ${claim.taskId} AND t."claimedBy" = ${claim.claimToken}`,
      now,
      nextAttemptAt: new Date(now.getTime() + CARRIER_RETRY_MS),
      reason: "carrierRejected",
    });
    return { status: "retryLater", reason: error.reason };
  }
  const acceptedAt = read();

  const { call } = await db.$transaction((tx) =>
    withCallRows(tx, (rows) =>
      rows.placed({
        task: { ...built.task, consultantId: built.consultantId, onlineConsultantId: built.onlineConsultantId },
        attempt: claim.attempt,
        carrierCallId: accepted.carrierCallId,
        callerId: accepted.callerId,
        dialedAt: acceptedAt,
        now: acceptedAt,
        claim: { claimedBy: claim.claimToken },
        evenIfClaimLost: true,
      }),
    ),
  );
  return { status: "placed", carrierCallId: accepted.carrierCallId, callId: call!.id };
}
