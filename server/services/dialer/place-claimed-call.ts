import type { PrismaClient } from "@/server/db/create-client";
import { CarrierRejected, type CarrierPort } from "@/server/ports/carrier";
import type { ClaimedTask } from "./claim-due-tasks";
import { Prisma } from "@/server/generated/prisma/client";
import { addCallTotals, callCounted, moveTasks, taskMoved } from "@/server/services/metrics/call-totals";
import { buildCallScript } from "./build-call-script";
import { CARRIER_RETRY_MS, clientRefOf } from "./dialer-settings";
import { newRowId } from "./row-id";

export type PlaceResult =
  | { status: "placed"; carrierCallId: string; callId: string }
  | { status: "skipped"; why: "claimLost" }
  | { status: "failed"; reason: string }
  | { status: "retryLater"; reason: string };

/**
 * Places one claimed attempt. The claim token guards every write, so a claim that was recovered (and maybe claimed
 * again by another worker) is left alone. placingAt is written before the carrier is asked: from then on a crash is
 * recovered only after the carrier has had time to report, never by dialing the same attempt again at once.
 */
export async function placeClaimedCall(db: PrismaClient, carrier: CarrierPort, claim: ClaimedTask, now: Date): Promise<PlaceResult> {
  const built = await buildCallScript(db, claim.taskId, now);
  const guard = { id: claim.taskId, status: "dialing" as const, claimedBy: claim.claimToken };
  const failClaim = (reason: string, set: Prisma.Sql = Prisma.empty) =>
    moveTasks(db, {
      from: "dialing",
      to: "failed",
      set: Prisma.sql`reason = ${reason}, "finishedAt" = ${now}, "claimedBy" = NULL, "updatedAt" = ${now} ${set}`,
      where: Prisma.sql`t.id = ${claim.taskId} AND t."claimedBy" = ${claim.claimToken}`,
    });
  if (!built.ok) {
    const count = await failClaim(built.reason);
    return count ? { status: "failed", reason: built.reason } : { status: "skipped", why: "claimLost" };
  }

  const marked = await db.callTask.updateMany({ where: { ...guard, placingAt: null }, data: { placingAt: now } });
  if (marked.count === 0) return { status: "skipped", why: "claimLost" };

  let accepted: { carrierCallId: string; callerId: string };
  try {
    accepted = await carrier.createCall({ ...built.input, clientRef: clientRefOf(claim.taskId, claim.attempt) });
  } catch (error) {
    if (!(error instanceof CarrierRejected)) throw error; // unknown whether it was accepted: placingAt stays set
    const invalid = error.reason === "invalidNumber";
    if (invalid) await failClaim("noMobile", Prisma.sql`, "placingAt" = NULL`);
    else
      await db.callTask.updateMany({
        where: guard,
        data: { status: "pending", reason: "carrierRejected", nextAttemptAt: new Date(now.getTime() + CARRIER_RETRY_MS), claimedBy: null, claimedAt: null, placingAt: null },
      });
    return invalid ? { status: "failed", reason: "noMobile" } : { status: "retryLater", reason: error.reason };
  }

  const { task } = built;
  const callId = await db.$transaction(async (tx) => {
    // The task row first, as applyAttemptResult does: a result arriving meanwhile waits instead of deadlocking.
    await tx.$queryRaw`SELECT id FROM "CallTask" WHERE id = ${claim.taskId} FOR NO KEY UPDATE`;
    const moved = await tx.callTask.updateMany({ where: guard, data: { status: "inCall", attempt: claim.attempt } });
    // The result may already have arrived (and created the row): keep it, only fill in what it lacks.
    const [row] = await tx.$queryRaw<{ id: string; inserted: boolean; dialedAt: Date }[]>`
      INSERT INTO "Call" (id, "companyId", "clinicId", "scriptId", "taskId", "patientId", mobile, attempt,
                          "carrierCallId", "callerId", "dialedAt", "consultantId", "onlineConsultantId", "createdAt")
      VALUES (${newRowId()}, ${task.companyId}, ${task.clinicId}, ${task.scriptId}, ${task.id}, ${task.patientId}, ${task.mobile},
              ${claim.attempt}, ${accepted.carrierCallId}, ${accepted.callerId}, ${now}, ${built.consultantId}, ${built.onlineConsultantId}, ${now})
      ON CONFLICT ("taskId", attempt) DO UPDATE
        SET "carrierCallId" = coalesce("Call"."carrierCallId", EXCLUDED."carrierCallId"),
            "callerId" = coalesce("Call"."callerId", EXCLUDED."callerId")
      RETURNING id, (xmax = 0) AS inserted, "dialedAt"`;
    const key = { companyId: task.companyId, clinicId: task.clinicId, scriptId: task.scriptId, source: task.source };
    await addCallTotals(tx, [
      ...(moved.count ? [taskMoved({ ...key, id: task.id, createdAt: task.createdAt }, "dialing", "inCall")] : []),
      callCounted({ ...key, taskId: task.id, dialedAt: row!.dialedAt }, { created: row!.inserted }),
    ]);
    return row!.id;
  });
  return { status: "placed", carrierCallId: accepted.carrierCallId, callId };
}
