import type { PrismaClient } from "@/server/db/create-client";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { Prisma } from "@/server/generated/prisma/client";
import { CarrierRejected, type CarrierPort } from "@/server/ports/carrier";
import type { ClaimedTask } from "./claim-due-tasks";
import { buildCallScript } from "./build-call-script";
import { failClaim, markPlacing, releaseClaims, withCallRows } from "./call-rows";
import { decideRefusal, isUnplacedCode, refusalCode } from "@/server/domain/vendor/refusal-decision";
import { HOLD_PROBE_EVERY_MS } from "@/server/domain/vendor/vendor-errors";
import { interceptClaim } from "./call-rows";

export type PlaceResult =
  | { status: "placed"; carrierCallId: string; callId: string }
  | { status: "skipped"; why: "claimLost" }
  | { status: "failed"; reason: string }
  | { status: "retryLater"; reason: string }
  | { status: "intercepted"; reason: string }
  | { status: "held"; reason: string };

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
    return applyRefusal(db, claim, error, now);
  }
  const acceptedAt = read();
  await settleAccepted(db, claim, acceptedAt);

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

/**
 * The carrier refused the placement: its documented code decides (server/domain/vendor/refusal-decision.ts) whether the
 * task fails, is intercepted, waits with a growing delay, or goes back untouched while the company's calling is held.
 */
async function applyRefusal(db: PrismaClient, claim: ClaimedTask, error: CarrierRejected, now: Date): Promise<PlaceResult> {
  const refusal = { vendor: error.vendor, reason: error.reason };
  const [company, task] = await Promise.all([
    db.company.findUnique({ where: { id: claim.companyId }, select: { vendorUnknownStreak: true, callingHeldAt: true } }),
    db.callTask.findUnique({ where: { id: claim.taskId }, select: { vendorRefusals: true } }),
  ]);
  const decision = decideRefusal(refusal, { taskRefusals: task?.vendorRefusals ?? 0, unknownStreak: company?.vendorUnknownStreak ?? 0, now });
  const unplaced = isUnplacedCode(refusal);
  await db.company.update({
    where: { id: claim.companyId },
    data: {
      vendorUnknownStreak: unplaced && decision.kind !== "hold" ? { increment: 1 } : 0,
      ...(decision.kind === "hold"
        ? { callingHoldCode: decision.holdCode, callingHeldAt: company?.callingHeldAt ?? now, callingHoldProbeAt: new Date(now.getTime() + HOLD_PROBE_EVERY_MS) }
        : {}),
    },
  });
  const mine = Prisma.sql`t.id = ${claim.taskId} AND t."claimedBy" = ${claim.claimToken}`;
  switch (decision.kind) {
    case "fail": {
      if (decision.alert) console.error(`[dialer] carrier refused task ${claim.taskId} with ${refusalCode(refusal)}: ${error.message}`);
      const count = await failClaim(db, claim, decision.reason, now);
      return count ? { status: "failed", reason: decision.reason } : { status: "skipped", why: "claimLost" };
    }
    case "intercept": {
      const count = await interceptClaim(db, claim, decision.reason, now);
      return count ? { status: "intercepted", reason: decision.reason } : { status: "skipped", why: "claimLost" };
    }
    case "hold":
      if (!company?.callingHeldAt) console.error(`[dialer] calling of company ${claim.companyId} held: ${decision.holdCode} (${error.message})`);
      await releaseClaims(db, { where: mine, now, nextAttemptAt: now, reason: decision.holdCode });
      return { status: "held", reason: decision.holdCode };
    case "retry":
      await releaseClaims(db, { where: mine, now, nextAttemptAt: decision.at, reason: decision.reason, countRefusal: true });
      return { status: "retryLater", reason: decision.reason };
  }
}

/** An accepted placement ends a hold (the probe went through), the company's unknown-code streak and the task's refusals. */
async function settleAccepted(db: PrismaClient, claim: ClaimedTask, now: Date): Promise<void> {
  const { count } = await db.company.updateMany({
    where: { id: claim.companyId, OR: [{ callingHeldAt: { not: null } }, { vendorUnknownStreak: { gt: 0 } }] },
    data: { callingHeldAt: null, callingHoldCode: null, callingHoldProbeAt: null, vendorUnknownStreak: 0 },
  });
  if (count) console.info(`[dialer] calling of company ${claim.companyId} resumed at ${now.toISOString()}`);
  await db.callTask.updateMany({ where: { id: claim.taskId, vendorRefusals: { gt: 0 } }, data: { vendorRefusals: 0 } });
}
