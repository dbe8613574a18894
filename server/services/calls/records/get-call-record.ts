import type { Tx } from "@/server/db/create-client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { intentLabel } from "@/server/domain/calls/intent-label";
import { groupIntoRounds, parseTranscript } from "@/server/domain/calls/transcript";
import { maskMobile } from "@/server/domain/patients/mobile";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { callRecordSelect } from "./call-record-select";
import { loadScriptIntents, scriptCategories, vocabularyIntents } from "./script-intents";
import { LOW_CONFIDENCE } from "@/server/domain/intent/classify-intent";
import { extractedAnswersOf } from "@/server/domain/vendor/ai-call-features";

/** 通话详情: times, intent, the transcript by round, and where to stream the recording (only with 播放/下载录音). */
export async function getCallRecord(db: Tx, scope: Scope, viewer: Viewer, id: string) {
  const call = await db.call.findFirst({
    where: { id, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    select: {
      ...callRecordSelect,
      transcript: true,
      intentReason: true,
      intentRule: true,
      proposedTime: true,
      analysisStatus: true,
      analysisError: true,
      analyzedBy: true,
      analyzedAt: true,
      reachedParty: true,
      complaint: true,
      triggerSentence: true,
      intentConfidence: true,
      intentCorrectedAt: true,
      intentCorrectedById: true,
      intentBeforeCorrection: true,
      transferredTo: true,
      transferAnswered: true,
      vendorExtraction: true,
      patient: { select: { id: true, name: true, wrongNumberAt: true } },
      script: { select: { id: true, name: true, kind: true } },
      recording: { select: { durationSec: true } },
      recordingTracks: { select: { id: true, side: true, durationSec: true }, orderBy: [{ side: "desc" }, { createdAt: "asc" }] },
    },
  });
  if (!call) throw AppError.notFound("通话记录");
  const intents = await loadScriptIntents(db, scope.companyId, [call.script.id]);
  const options = intents.get(call.script.id) ?? vocabularyIntents();
  const mayPlay = can(viewer, "outbound.recordings.play");
  const [optOut, corrector, pendingTranscript] = await Promise.all([
    db.dncEntry.findFirst({
      where: { companyId: scope.companyId, kind: "optOut", mobile: call.mobile },
      select: { callId: true, triggerSentence: true, createdAt: true, source: true },
    }),
    call.intentCorrectedById ? db.user.findFirst({ where: { id: call.intentCorrectedById, companyId: scope.companyId }, select: { name: true } }) : null,
    // A result applied while the vendor's conversation lookup failed: the transcript job is still fetching it.
    call.answeredAt
      ? db.carrierEvent.findFirst({ where: { callId: call.id, type: "attempt.completed", payload: { path: ["transcriptPending"], equals: true } }, select: { id: true } })
      : null,
  ]);
  return {
    id: call.id,
    patient: { id: call.patient.id, name: call.patient.name },
    mobile: can(viewer, "patients.mobile.view") ? call.mobile : maskMobile(call.mobile),
    script: call.script,
    clinic: call.clinic,
    attempt: call.attempt,
    outcome: call.outcome,
    intent: call.intent,
    intentLabel: intentLabel(call.intent, options),
    /** The script's labels, for 人工修正. */
    intentOptions: await scriptCategories(db, scope.companyId, call.script.id),
    reached: call.reachedParty,
    complaint: call.complaint,
    /** The patient's sentence behind an opt-out or complaint, highlighted in the transcript. */
    trigger: call.triggerSentence,
    confidence: call.intentConfidence,
    lowConfidence: call.intentConfidence !== null && call.intentConfidence < LOW_CONFIDENCE && call.intentCorrectedAt === null,
    correction: call.intentCorrectedAt
      ? { at: call.intentCorrectedAt, by: corrector?.name ?? null, before: intentLabel(call.intentBeforeCorrection, options) }
      : null,
    /** The number is on the company's opt-out list (from this call or another); a manager can take it off. */
    optOut: optOut ? { fromThisCall: optOut.callId === call.id, triggerSentence: optOut.triggerSentence, at: optOut.createdAt, source: optOut.source } : null,
    wrongNumberFlagged: call.patient.wrongNumberAt !== null,
    analysis: {
      summary: call.summary,
      reason: call.intentReason,
      rule: call.intentRule,
      callbackRequested: call.callbackRequested,
      complaint: call.complaint,
      proposedTime: call.proposedTime,
      status: call.analysisStatus,
      error: call.analysisError,
      by: call.analyzedBy,
      at: call.analyzedAt,
    },
    /** 重新分析 is a manager's action (管理外呼任务). */
    canReanalyze: can(viewer, "outbound.tasks.manage"),
    /** 人工修正 and 撤销禁呼 are a manager's too. */
    canCorrect: can(viewer, "outbound.tasks.manage"),
    dialedAt: call.dialedAt,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    durationSec: call.durationSec,
    rounds: call.rounds,
    transcript: groupIntoRounds(parseTranscript(call.transcript)),
    /** 对话记录获取中: the result is in, the vendor's conversation is still being fetched. */
    transcriptPending: pendingTranscript !== null,
    /** 转人工: the skill group / seat the AI handed the call to (Tencent CCC). */
    transferredTo: call.transferredTo,
    /** Whether a person took the transferred leg: false = nobody answered (a 转人工未接通 task was filed); null = unknown. */
    transferAnswered: call.transferredTo ? call.transferAnswered : null,
    /** What the vendor extracted (是否同意预约 / 期望到店时间 / 是否需要人工回电). */
    vendorExtraction: extractedAnswersOf(call.vendorExtraction),
    recording: call.recording
      ? {
          durationSec: call.recording.durationSec,
          /** null when the viewer may not play recordings: the UI says so instead of showing a player. */
          src: mayPlay ? `/api/call-records/${call.id}/recording` : null,
          downloadHref: mayPlay ? `/api/call-records/${call.id}/recording?download=1` : null,
        }
      : null,
    /**
     * No whole-call recording but the carrier gave one per participant: each side as a track of its own (patient first),
     * played side by side — never one of them as "the recording".
     */
    recordingTracks: call.recording
      ? []
      : call.recordingTracks.map((t) => ({
          id: t.id,
          side: t.side === "agent" ? ("agent" as const) : ("patient" as const),
          // 0: the push carried no length and the track came before the result (the call's talk time then).
          durationSec: t.durationSec || call.durationSec,
          src: mayPlay ? `/api/call-records/${call.id}/recording?track=${t.id}` : null,
          downloadHref: mayPlay ? `/api/call-records/${call.id}/recording?track=${t.id}&download=1` : null,
        })),
  };
}
