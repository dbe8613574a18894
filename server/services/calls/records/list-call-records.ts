import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { intentLabel } from "@/server/domain/calls/intent-label";
import { maskMobile } from "@/server/domain/patients/mobile";
import type { Scope } from "@/server/domain/auth/scope";
import { callRecordFilterShape, callRecordSql, callRecordWhere, withFilterRules } from "./call-record-filters";
import { callRecordSelect } from "./call-record-select";
import { clinicFilter } from "@/server/services/tenancy/clinic-filter";
import { loadScriptIntents, vocabularyIntents } from "./script-intents";
import { LOW_CONFIDENCE } from "@/server/domain/intent/classify-intent";

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
 * docs/performance.md), and nobody pages that far; narrower filters give exact totals.
 */
export const CALL_RECORD_COUNT_CAP = 10_000;

/** 话单记录: one row per dial attempt, newest first, paginated on the server. */
export async function listCallRecords(db: Tx, scope: Scope, viewer: Viewer, raw: ListCallRecordsInput) {
  const input = listCallRecordsInput.parse(raw);
  const clinics = await clinicFilter(db, scope);
  const where = callRecordWhere(scope, clinics, input);
  const [[{ counted }], rows] = await Promise.all([
    db.$queryRaw<[{ counted: number }]>`
      SELECT count(*)::int AS counted FROM (SELECT 1 FROM "Call" WHERE ${callRecordSql(scope, clinics, input)} LIMIT ${CALL_RECORD_COUNT_CAP + 1}) capped`,
    db.call.findMany({
      where,
      orderBy: [{ dialedAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        ...callRecordSelect,
        consultantId: true,
        onlineConsultantId: true,
        script: { select: { id: true, name: true } },
        recording: { select: { id: true } },
        _count: { select: { recordingTracks: true } },
      },
    }),
  ]);
  const staffIds = [...new Set(rows.flatMap((r) => [r.consultantId, r.onlineConsultantId]).filter((id): id is string => !!id))];
  const [staff, intents] = await Promise.all([
    staffIds.length
      ? db.user.findMany({ where: { id: { in: staffIds }, companyId: scope.companyId }, select: { id: true, name: true } })
      : [],
    loadScriptIntents(db, scope.companyId, rows.map((r) => r.script.id)),
  ]);
  const staffName = new Map(staff.map((u) => [u.id, u.name]));
  const showMobile = can(viewer, "patients.mobile.view");
  const fallback = vocabularyIntents();
  return {
    total: Math.min(counted, CALL_RECORD_COUNT_CAP),
    totalCapped: counted > CALL_RECORD_COUNT_CAP,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      patient: r.patient,
      mobile: showMobile ? r.mobile : maskMobile(r.mobile),
      script: r.script,
      clinic: r.clinic,
      attempt: r.attempt,
      outcome: r.outcome,
      intent: r.intent,
      intentLabel: intentLabel(r.intent, intents.get(r.script.id) ?? fallback),
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
      consultant: r.consultantId ? { id: r.consultantId, name: staffName.get(r.consultantId) ?? "—" } : null,
      onlineConsultant: r.onlineConsultantId ? { id: r.onlineConsultantId, name: staffName.get(r.onlineConsultantId) ?? "—" } : null,
      hasRecording: r.recording !== null,
      /** No whole-call recording, but the participants' tracks (played and downloaded side by side in 通话详情). */
      hasRecordingTracks: r.recording === null && r._count.recordingTracks > 0,
    })),
  };
}
