import type { Tx } from "@/server/db/create-client";
import { roundsOfAttempt } from "@/server/domain/calls/transcript";
import { attemptOutcome } from "@/server/domain/calls/unreached-outcome";
import { Prisma } from "@/server/generated/prisma/client";
import type { AttemptCompleted } from "@/server/ports/carrier";
import type { Consultants, RecordedCall, TaskRef } from "./call-rows";
import { newRowId } from "./row-id";

export type CallRowInput = { task: TaskRef & Consultants; attempt: number; carrierCallId: string; callerId: string; dialedAt: Date; now: Date; result: AttemptCompleted | null };

/**
 * The one INSERT … ON CONFLICT of Call rows: from placements (no result) or from results (one per task); all rows of one call
 * here are of the same kind. The rows travel as one jsonb parameter (jsonb_to_recordset), so a batch is one statement.
 * Returns the rows written, by task id (a row whose result was already there is not written: absent).
 */
export async function upsertCalls(tx: Tx, calls: readonly CallRowInput[]): Promise<Map<string, RecordedCall>> {
  if (calls.length === 0) return new Map();
  const withResult = calls[0]!.result !== null;
  if (calls.some((c) => (c.result !== null) !== withResult)) throw new Error("upsertCalls: placements and results are written separately");
  const onConflict = withResult
    ? // A result fills a row that has none; the carrier's caller id wins over the one the placement stored.
      Prisma.sql`
      "carrierCallId" = coalesce("Call"."carrierCallId", EXCLUDED."carrierCallId"),
      "callerId" = coalesce(EXCLUDED."callerId", "Call"."callerId"),
      outcome = EXCLUDED.outcome, "carrierOutcome" = EXCLUDED."carrierOutcome", "rawCode" = EXCLUDED."rawCode",
      "answeredAt" = EXCLUDED."answeredAt", "endedAt" = EXCLUDED."endedAt", "durationSec" = EXCLUDED."durationSec",
      "ringSec" = EXCLUDED."ringSec", rounds = EXCLUDED.rounds, transcript = EXCLUDED.transcript, "hangupBy" = EXCLUDED."hangupBy",
      "transferredTo" = EXCLUDED."transferredTo", "transferAnswered" = EXCLUDED."transferAnswered", "vendorExtraction" = EXCLUDED."vendorExtraction"
    WHERE "Call".outcome IS NULL`
    : // A placement after a faster result: keep the result (and its dialedAt), fill in only what it lacks.
      Prisma.sql`
      "carrierCallId" = coalesce("Call"."carrierCallId", EXCLUDED."carrierCallId"),
      "callerId" = coalesce("Call"."callerId", EXCLUDED."callerId")`;
  const rows = calls.map((c) => {
      const r = c.result;
      const t = c.task;
      return {
        id: newRowId(),
        companyId: t.companyId,
        clinicId: t.clinicId,
        scriptId: t.scriptId,
        taskId: t.id,
        patientId: t.patientId,
        mobile: t.mobile,
        attempt: c.attempt,
        carrierCallId: c.carrierCallId,
        callerId: c.callerId,
        outcome: r ? attemptOutcome(r) : null,
        carrierOutcome: r?.outcome ?? null,
        rawCode: r?.rawCode ?? null,
        dialedAt: c.dialedAt,
        answeredAt: r?.answeredAt ? new Date(r.answeredAt) : null,
        endedAt: r ? new Date(r.endedAt) : null,
        durationSec: r ? Math.max(0, Math.round(r.talkSeconds)) : 0,
        ringSec: r ? Math.max(0, Math.round(r.ringSeconds)) : 0,
        rounds: r ? roundsOfAttempt(r.turns, r.rounds) : 0,
        transcript: r ? (r.turns ?? []) : null,
        hangupBy: r?.hangupBy ?? null,
        transferredTo: r?.transferredTo ?? null,
        transferAnswered: r?.transferredTo ? (r.transferAnswered ?? null) : null,
        vendorExtraction: r?.extraction ?? null,
        consultantId: t.consultantId,
        onlineConsultantId: t.onlineConsultantId,
        createdAt: c.now,
      };
    });
  const written = await tx.$queryRaw<(RecordedCall & { taskId: string })[]>`
    INSERT INTO "Call" (id, "companyId", "clinicId", "scriptId", "taskId", "patientId", mobile, attempt, "carrierCallId", "callerId",
                        outcome, "carrierOutcome", "rawCode", "dialedAt", "answeredAt", "endedAt", "durationSec", "ringSec", rounds,
                        transcript, "hangupBy", "transferredTo", "transferAnswered", "vendorExtraction", "consultantId", "onlineConsultantId", "variantId", "createdAt")
    SELECT v.id, v."companyId", v."clinicId", v."scriptId", v."taskId", v."patientId", v.mobile, v.attempt, v."carrierCallId", v."callerId",
           v.outcome::"CallOutcome", v."carrierOutcome", v."rawCode", v."dialedAt", v."answeredAt", v."endedAt", v."durationSec", v."ringSec", v.rounds,
           v.transcript, v."hangupBy", v."transferredTo", v."transferAnswered", v."vendorExtraction", v."consultantId", v."onlineConsultantId", t."variantId", v."createdAt"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
      id text, "companyId" text, "clinicId" text, "scriptId" text, "taskId" text, "patientId" text, mobile text, attempt int,
      "carrierCallId" text, "callerId" text, outcome text, "carrierOutcome" text, "rawCode" text, "dialedAt" timestamp(3),
      "answeredAt" timestamp(3), "endedAt" timestamp(3), "durationSec" int, "ringSec" int, rounds int, transcript jsonb,
      "hangupBy" text, "transferredTo" text, "transferAnswered" boolean, "vendorExtraction" jsonb, "consultantId" text, "onlineConsultantId" text, "createdAt" timestamp(3))
    LEFT JOIN "CallTask" t ON t.id = v."taskId"
    ORDER BY v."taskId"
    ON CONFLICT ("taskId", attempt) DO UPDATE SET ${onConflict}
    RETURNING id, "taskId", (xmax = 0) AS inserted, "dialedAt", "durationSec"`;
  return new Map(written.map(({ taskId, ...call }) => [taskId, call]));
}
