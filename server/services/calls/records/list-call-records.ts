import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { intentLabel } from "@/server/domain/calls/intent-label";
import { maskMobile } from "@/server/domain/patients/mobile";
import type { Scope } from "@/server/domain/auth/scope";
import { callRecordFilterShape, callRecordSql, withFilterRules } from "./call-record-filters";
import type { CallOutcome } from "@/server/generated/prisma/client";
import { clinicFilter } from "@/server/services/tenancy/clinic-filter";
import { loadScriptIntents, vocabularyIntents } from "./script-intents";
import { LOW_CONFIDENCE } from "@/server/domain/intent/classify-intent";
import { CappedTotalCache, cappedTotals } from "./capped-total-cache";

export const listCallRecordsInput = withFilterRules(
  z.object({
    ...callRecordFilterShape,
    page: z.number().int().min(1).max(1_000).default(1),
    pageSize: z.number().int().min(10).max(100).default(20),
  }),
);
export type ListCallRecordsInput = z.input<typeof listCallRecordsInput>;

/**
 * Totals above this show as 「10000+」: counting a million calls exactly costs more than the whole page (see
 * docs/performance.md), and nobody pages that far; narrower filters give exact totals. A filter past the cap is not
 * counted again for 30 s (capped-total-cache.ts).
 */
export const CALL_RECORD_COUNT_CAP = 10_000;

/** 话单记录: one row per dial attempt, newest first, paginated on the server. */
export async function listCallRecords(db: Tx, scope: Scope, viewer: Viewer, raw: ListCallRecordsInput) {
  const input = listCallRecordsInput.parse(raw);
  const clinics = await clinicFilter(db, scope);
  const countKey = CappedTotalCache.key(scope.companyId, clinics?.in, input);
  const [[{ counted }], rows] = await Promise.all([
    cappedTotals.isCapped(countKey)
      ? [{ counted: CALL_RECORD_COUNT_CAP + 1 }]
      : db.$queryRaw<[{ counted: number }]>`
      SELECT count(*)::int AS counted FROM (SELECT 1 FROM "Call" WHERE ${callRecordSql(scope, clinics, input)} LIMIT ${CALL_RECORD_COUNT_CAP + 1}) capped`,
    listRows(db, scope, clinics, input),
  ]);
  if (counted > CALL_RECORD_COUNT_CAP) cappedTotals.rememberCapped(countKey);
  const intents = await loadScriptIntents(db, scope.companyId, rows.map((r) => r.scriptId));
  const showMobile = can(viewer, "patients.mobile.view");
  const fallback = vocabularyIntents();
  return {
    total: Math.min(counted, CALL_RECORD_COUNT_CAP),
    totalCapped: counted > CALL_RECORD_COUNT_CAP,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      patient: { id: r.patientId, name: r.patientName },
      mobile: showMobile ? r.mobile : maskMobile(r.mobile),
      script: { id: r.scriptId, name: r.scriptName },
      clinic: { id: r.clinicId, shortName: r.clinicShortName, timezone: r.clinicTimezone },
      attempt: r.attempt,
      outcome: r.outcome,
      intent: r.intent,
      intentLabel: intentLabel(r.intent, intents.get(r.scriptId) ?? fallback),
      callbackRequested: r.callbackRequested,
      complaint: r.complaint,
      proposedTime: r.proposedTime,
      /** Low confidence and not corrected: listed for a manager's review (待复核). */
      needsReview: r.intentConfidence !== null && r.intentConfidence < LOW_CONFIDENCE && r.intentCorrectedAt === null,
      corrected: r.intentCorrectedAt !== null,
      summary: r.summary,
      dialedAt: r.dialedAt,
      answeredAt: r.answeredAt,
      endedAt: r.endedAt,
      durationSec: r.durationSec,
      rounds: r.rounds,
      consultant: r.consultantId ? { id: r.consultantId, name: r.consultantName ?? "—" } : null,
      onlineConsultant: r.onlineConsultantId ? { id: r.onlineConsultantId, name: r.onlineConsultantName ?? "—" } : null,
      hasRecording: r.hasRecording,
      /** No whole-call recording, but the participants' tracks (played and downloaded side by side in 通话详情). */
      hasRecordingTracks: !r.hasRecording && r.hasRecordingTracks,
    })),
  };
}

/** One 话单 row as the list reads it: the call with its patient, clinic, script, staff names and whether it has a recording (or only participants' tracks). */
interface CallRecordRow {
  id: string;
  mobile: string;
  attempt: number;
  outcome: CallOutcome | null;
  dialedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSec: number;
  rounds: number;
  intent: string | null;
  callbackRequested: boolean;
  complaint: boolean;
  proposedTime: string | null;
  intentConfidence: number | null;
  intentCorrectedAt: Date | null;
  summary: string | null;
  patientId: string;
  patientName: string;
  clinicId: string;
  clinicShortName: string;
  clinicTimezone: string;
  scriptId: string;
  scriptName: string;
  consultantId: string | null;
  consultantName: string | null;
  onlineConsultantId: string | null;
  onlineConsultantName: string | null;
  hasRecording: boolean;
  hasRecordingTracks: boolean;
}

/**
 * The page in one statement (issue 29): Prisma's findMany with its relations sent six (the calls, then patients,
 * clinics, scripts, recordings and the staff names one query each), and its client runtime was a large share of the
 * request's CPU. The inner query is the same index walk as before — the filters of callRecordSql, newest first — and
 * the joins touch only the page's rows. Staff names come from the caller's company only, as before.
 */
function listRows(db: Tx, scope: Scope, clinics: { in: string[] } | undefined, input: z.infer<typeof listCallRecordsInput>) {
  return db.$queryRaw<CallRecordRow[]>`
    SELECT c.id, c.mobile, c.attempt, c.outcome::text AS outcome, c."dialedAt", c."answeredAt", c."endedAt", c."durationSec",
      c.rounds, c.intent, c."callbackRequested", c.complaint, c."proposedTime", c."intentConfidence", c."intentCorrectedAt",
      c.summary, c."patientId", p.name AS "patientName", c."clinicId", cl."shortName" AS "clinicShortName",
      cl.timezone AS "clinicTimezone", c."scriptId", s.name AS "scriptName", c."consultantId", cu.name AS "consultantName",
      c."onlineConsultantId", ou.name AS "onlineConsultantName",
      EXISTS (SELECT 1 FROM "Recording" r WHERE r."callId" = c.id) AS "hasRecording",
      EXISTS (SELECT 1 FROM "RecordingTrack" rt WHERE rt."callId" = c.id) AS "hasRecordingTracks"
    FROM (
      SELECT id, mobile, attempt, outcome, "dialedAt", "answeredAt", "endedAt", "durationSec", rounds, intent, "callbackRequested",
        complaint, "proposedTime", "intentConfidence", "intentCorrectedAt", summary, "patientId", "clinicId", "scriptId",
        "consultantId", "onlineConsultantId"
      FROM "Call" WHERE ${callRecordSql(scope, clinics, input)}
      ORDER BY "dialedAt" DESC, id DESC
      LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}
    ) c
    JOIN "Patient" p ON p.id = c."patientId"
    JOIN "Clinic" cl ON cl.id = c."clinicId"
    JOIN "Script" s ON s.id = c."scriptId"
    LEFT JOIN "User" cu ON cu.id = c."consultantId" AND cu."companyId" = ${scope.companyId}
    LEFT JOIN "User" ou ON ou.id = c."onlineConsultantId" AND ou."companyId" = ${scope.companyId}
    ORDER BY c."dialedAt" DESC, c.id DESC`;
}
