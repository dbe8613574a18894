import type { Tx } from "@/server/db/create-client";
import { recordingFileName } from "@/server/domain/calls/recording-file-name";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";

/**
 * The stored recording of a call in the caller's scope, with its download name (seed §8) — or, with `trackId`, one
 * participant's track of it (RecordingTrack, kept when the carrier gave no whole-call recording), named with its side.
 */
export async function loadCallRecording(db: Tx, scope: Scope, callId: string, trackId?: string | null) {
  const call = await db.call.findFirst({
    where: { id: callId, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    select: {
      dialedAt: true,
      patient: { select: { name: true } },
      clinic: { select: { timezone: true } },
      recording: { select: { storageKey: true, mimeType: true, sizeBytes: true } },
      recordingTracks: trackId ? { where: { id: trackId }, select: { storageKey: true, mimeType: true, sizeBytes: true, side: true } } : false,
    },
  });
  if (trackId) {
    const track = call?.recordingTracks?.[0];
    if (!call || !track) throw AppError.notFound("通话录音");
    const side = track.side === "agent" ? "agent" : "patient";
    const ext = track.mimeType === "audio/wav" ? "wav" : "mp3";
    return { storageKey: track.storageKey, mimeType: track.mimeType, sizeBytes: track.sizeBytes, fileName: recordingFileName(call.patient.name, call.dialedAt, call.clinic.timezone, side, ext) };
  }
  if (!call?.recording) throw AppError.notFound("通话录音");
  return {
    storageKey: call.recording.storageKey,
    mimeType: call.recording.mimeType,
    sizeBytes: call.recording.sizeBytes,
    fileName: recordingFileName(call.patient.name, call.dialedAt, call.clinic.timezone),
  };
}
