import type { Tx } from "@/server/db/create-client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { intentLabel } from "@/server/domain/calls/intent-label";
import { groupIntoRounds, parseTranscript } from "@/server/domain/calls/transcript";
import { maskMobile } from "@/server/domain/patients/mobile";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { callRecordSelect } from "./call-record-select";
import { loadScriptIntents, vocabularyIntents } from "./script-intents";

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
      script: { select: { id: true, name: true, kind: true } },
      recording: { select: { durationSec: true } },
    },
  });
  if (!call) throw AppError.notFound("通话记录");
  const intents = await loadScriptIntents(db, scope.companyId, [call.script.id]);
  const mayPlay = can(viewer, "outbound.recordings.play");
  return {
    id: call.id,
    patient: call.patient,
    mobile: can(viewer, "patients.mobile.view") ? call.mobile : maskMobile(call.mobile),
    script: call.script,
    clinic: call.clinic,
    attempt: call.attempt,
    outcome: call.outcome,
    intent: call.intent,
    intentLabel: intentLabel(call.intent, intents.get(call.script.id) ?? vocabularyIntents()),
    analysis: {
      summary: call.summary,
      reason: call.intentReason,
      rule: call.intentRule,
      callbackRequested: call.callbackRequested,
      proposedTime: call.proposedTime,
      status: call.analysisStatus,
      error: call.analysisError,
      by: call.analyzedBy,
      at: call.analyzedAt,
    },
    /** 重新分析 is a manager's action (管理外呼任务). */
    canReanalyze: can(viewer, "outbound.tasks.manage"),
    dialedAt: call.dialedAt,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    durationSec: call.durationSec,
    rounds: call.rounds,
    transcript: groupIntoRounds(parseTranscript(call.transcript)),
    recording: call.recording
      ? {
          durationSec: call.recording.durationSec,
          /** null when the viewer may not play recordings: the UI says so instead of showing a player. */
          src: mayPlay ? `/api/call-records/${call.id}/recording` : null,
          downloadHref: mayPlay ? `/api/call-records/${call.id}/recording?download=1` : null,
        }
      : null,
  };
}
