import type { Tx } from "@/server/db/create-client";
import { recordingFileName } from "@/server/domain/calls/recording-file-name";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";

/** The stored recording of a call in the caller's scope, with its download name (seed §8). */
export async function loadCallRecording(db: Tx, scope: Scope, callId: string) {
  const call = await db.call.findFirst({
    where: { id: callId, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    select: {
      dialedAt: true,
      patient: { select: { name: true } },
      clinic: { select: { timezone: true } },
      recording: { select: { storageKey: true, mimeType: true, sizeBytes: true } },
    },
  });
  if (!call?.recording) throw AppError.notFound("通话录音");
  return {
    storageKey: call.recording.storageKey,
    mimeType: call.recording.mimeType,
    sizeBytes: call.recording.sizeBytes,
    fileName: recordingFileName(call.patient.name, call.dialedAt, call.clinic.timezone),
  };
}
