import type { PrismaClient } from "@/server/db/create-client";
import { clientRefOf } from "@/server/domain/call-tasks/client-ref";
import { Prisma } from "@/server/generated/prisma/client";
import { CarrierRejected, type BatchCreateItem, type CarrierPort, type CreateCallInput } from "@/server/ports/carrier";
import type { ClaimedTask } from "./claim-due-tasks";
import { buildCallScripts, type BuiltCall } from "./build-call-script";
import { failClaim, markPlacing, releaseClaims, withCallRows } from "./call-rows";
import { PLACE_CONCURRENCY } from "./dialer-settings";
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
 * Places one claimed attempt: placeClaimedCalls with one claim.
 */
export async function placeClaimedCall(db: PrismaClient, carrier: CarrierPort, claim: ClaimedTask, clock: Date | (() => Date)): Promise<PlaceResult> {
  return (await placeClaimedCalls(db, carrier, [claim], clock))[0]!;
}

/**
 * Places claimed attempts, many at once (docs/dialer.md, "Batched placement"). The claim token guards every write, so a
 * claim that was recovered (and maybe claimed again by another worker) is left alone. placingAt is written before the
 * carrier is asked: from then on a crash is recovered only after the carrier has had time to report, never by dialing
 * the same attempt again at once.
 *
 * For the whole batch: one read builds every call script, one statement marks every claim placing, the carrier gets one
 * request (createCalls) or — a carrier without it — one createCall per attempt, PLACE_CONCURRENCY at a time, and one
 * transaction records every accepted attempt. A refusal is decided per attempt as before.
 *
 * `clock` is read when the placement starts and again when the carrier has accepted: a Call row's dialedAt is that
 * second instant (for a batch request, when its answer arrived), never earlier than the carrier received the request,
 * so the per-minute count (loadDialerLoad) counts every dial the carrier counts in a minute. A fixed Date (tests) is a
 * clock that stands still. Throws, after recording everything else, when the carrier's answer for some attempt was lost
 * (their placingAt stays set: reconciliation asks the carrier).
 */
export async function placeClaimedCalls(
  db: PrismaClient,
  carrier: CarrierPort,
  claims: readonly ClaimedTask[],
  clock: Date | (() => Date),
): Promise<PlaceResult[]> {
  const read = typeof clock === "function" ? clock : () => clock;
  const now = read();
  const results: PlaceResult[] = new Array(claims.length);
  if (claims.length === 0) return results;
  const built = await buildCallScripts(db, [...new Set(claims.map((c) => c.taskId))], now);

  const buildable: number[] = [];
  for (const [i, claim] of claims.entries()) {
    const b = built.get(claim.taskId)!;
    if (b.ok) {
      buildable.push(i);
      continue;
    }
    const count = await failClaim(db, claim, b.reason, now);
    results[i] = count ? { status: "failed", reason: b.reason } : { status: "skipped", why: "claimLost" };
  }
  const marked = await markPlacing(db, buildable.map((i) => claims[i]!), now);
  const toPlace = buildable.filter((i) => {
    if (marked.has(claims[i]!.taskId)) return true;
    results[i] = { status: "skipped", why: "claimLost" };
    return false;
  });

  const inputs = toPlace.map((i) => {
    const b = built.get(claims[i]!.taskId)! as Extract<BuiltCall, { ok: true }>;
    return { ...b.input, clientRef: clientRefOf(claims[i]!.taskId, claims[i]!.attempt) };
  });
  const answers = await askCarrier(carrier, inputs, read);

  const accepted: { i: number; carrierCallId: string; callerId: string; at: Date }[] = [];
  const refused: { i: number; error: CarrierRejected }[] = [];
  const unknown: Error[] = [];
  answers.forEach((a, k) => {
    const i = toPlace[k]!;
    if (a.ok) accepted.push({ i, carrierCallId: a.carrierCallId, callerId: a.callerId, at: a.at });
    else if ("rejected" in a) refused.push({ i, error: a.rejected });
    else unknown.push(a.unknown); // unknown whether it was accepted: placingAt stays set
  });

  if (accepted.length) {
    await settleAccepted(db, accepted.map((a) => claims[a.i]!), accepted.at(-1)!.at);
    const recorded = await db.$transaction((tx) =>
      withCallRows(tx, (rows) =>
        rows.placedMany(
          accepted.map((a) => {
            const claim = claims[a.i]!;
            const b = built.get(claim.taskId)! as Extract<BuiltCall, { ok: true }>;
            return {
              task: { ...b.task, consultantId: b.consultantId, onlineConsultantId: b.onlineConsultantId },
              attempt: claim.attempt,
              carrierCallId: a.carrierCallId,
              callerId: a.callerId,
              dialedAt: a.at,
              now: a.at,
              claim: { claimedBy: claim.claimToken },
              evenIfClaimLost: true,
            };
          }),
        ),
      ),
      // A batch's rows take longer than one call's on a busy machine; a timeout here would leave accepted calls to
      // settle-placing-claims (minutes later), never dial them twice.
      { timeout: 30_000, maxWait: 30_000 },
    );
    accepted.forEach((a, k) => (results[a.i] = { status: "placed", carrierCallId: a.carrierCallId, callId: recorded[k]!.call!.id }));
  }
  for (const r of refused) results[r.i] = await applyRefusal(db, claims[r.i]!, r.error, now);
  if (unknown.length) throw unknown[0]!;
  return results;
}

type Answer = { ok: true; carrierCallId: string; callerId: string; at: Date } | { ok: false; rejected: CarrierRejected } | { ok: false; unknown: Error };

/**
 * The carrier's answer for each input: one batch request when it offers one, else createCall PLACE_CONCURRENCY at a
 * time. `at` is when the accept reached us (the clock read after the answer).
 */
async function askCarrier(carrier: CarrierPort, inputs: CreateCallInput[], read: () => Date): Promise<Answer[]> {
  if (inputs.length === 0) return [];
  if (carrier.createCalls) {
    let items: BatchCreateItem[];
    try {
      items = await carrier.createCalls(inputs);
    } catch (error) {
      if (!(error instanceof CarrierRejected)) return inputs.map(() => ({ ok: false, unknown: error as Error }));
      items = inputs.map(() => ({ ok: false, rejected: error }));
    }
    const at = read();
    return items.map((item) => (item.ok ? { ...item, at } : item));
  }
  const answers: Answer[] = new Array(inputs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PLACE_CONCURRENCY, inputs.length) }, async () => {
      while (next < inputs.length) {
        const k = next++;
        try {
          const a = await carrier.createCall(inputs[k]!);
          answers[k] = { ok: true, ...a, at: read() };
        } catch (error) {
          answers[k] = error instanceof CarrierRejected ? { ok: false, rejected: error } : { ok: false, unknown: error as Error };
        }
      }
    }),
  );
  return answers;
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

/** Accepted placements end a hold (the probe went through), their companies' unknown-code streaks and the tasks' refusals. */
async function settleAccepted(db: PrismaClient, claims: readonly ClaimedTask[], now: Date): Promise<void> {
  for (const companyId of new Set(claims.map((c) => c.companyId))) {
    const { count } = await db.company.updateMany({
      where: { id: companyId, OR: [{ callingHeldAt: { not: null } }, { vendorUnknownStreak: { gt: 0 } }] },
      data: { callingHeldAt: null, callingHoldCode: null, callingHoldProbeAt: null, vendorUnknownStreak: 0 },
    });
    if (count) console.info(`[dialer] calling of company ${companyId} resumed at ${now.toISOString()}`);
  }
  await db.callTask.updateMany({ where: { id: { in: claims.map((c) => c.taskId) }, vendorRefusals: { gt: 0 } }, data: { vendorRefusals: 0 } });
}
