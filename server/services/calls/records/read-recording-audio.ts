import type { PrismaClient } from "@/server/db/create-client";
import { parseTranscript } from "@/server/domain/calls/transcript";
import { DEFAULT_VOICE_KEY } from "@/server/domain/templates/voices";
import type { RecordingRenderer } from "@/server/ports/recording-renderer";
import type { ObjectStorage, StoredObject } from "@/server/ports/storage";

/** Renders in progress, so the player's parallel range requests render a recording once. */
const rendering = new Map<string, Promise<StoredObject | null>>();

export interface RecordingAudioPorts {
  storage: ObjectStorage;
  recordingRenderer: RecordingRenderer;
}

/**
 * A call's recording audio. A Recording row with `sizeBytes` 0 and no stored object is one whose audio has not been
 * rendered yet — the demo's call history is written without audio so the seed stays fast —: it is rendered here, on
 * first play, from the call's transcript by the renderer the app was composed with (server/ports/recording-renderer.ts),
 * then stored and served like any other. A missing object of a recording that had audio stays missing (null).
 */
export async function readRecordingAudio(
  db: PrismaClient,
  ports: RecordingAudioPorts,
  callId: string,
  recording: { storageKey: string; sizeBytes: number },
): Promise<StoredObject | null> {
  const stored = await ports.storage.get(recording.storageKey);
  if (stored || recording.sizeBytes > 0) return stored;
  const running = rendering.get(callId);
  if (running) return running;
  const job = renderAndStore(db, ports, callId, recording.storageKey).finally(() => rendering.delete(callId));
  rendering.set(callId, job);
  return job;
}

async function renderAndStore(db: PrismaClient, ports: RecordingAudioPorts, callId: string, storageKey: string): Promise<StoredObject | null> {
  const call = await db.call.findUnique({
    where: { id: callId },
    select: {
      mobile: true,
      transcript: true,
      script: { select: { voiceSpeed: true, voicePitch: true, voiceVolume: true, voice: { select: { key: true } } } },
    },
  });
  const turns = parseTranscript(call?.transcript).map((t, i) => ({ speaker: t.speaker, text: t.text, at: t.at ?? i * 4 }));
  if (!call || turns.length === 0) return null;
  const aiVoice = {
    voiceKey: call.script.voice?.key ?? DEFAULT_VOICE_KEY,
    speed: call.script.voiceSpeed,
    pitch: call.script.voicePitch,
    volume: call.script.voiceVolume,
  };
  const { mp3, durationSeconds } = await ports.recordingRenderer.render({ turns, aiVoice, callee: call.mobile });
  await ports.storage.put(storageKey, mp3, { contentType: "audio/mpeg" });
  await db.recording.update({ where: { callId }, data: { sizeBytes: mp3.byteLength, durationSec: Math.round(durationSeconds) } });
  return { body: Buffer.from(mp3), contentType: "audio/mpeg", size: mp3.byteLength };
}
