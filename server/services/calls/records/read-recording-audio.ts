import type { PrismaClient } from "@/server/db/create-client";
import { mixRecording, speakLines } from "@/server/adapters/carrier/simulator/render-recording";
import { stableHash } from "@/server/adapters/carrier/simulator/number-behaviour";
import { getTts } from "@/server/adapters/tts";
import { parseTranscript } from "@/server/domain/calls/transcript";
import { DEFAULT_VOICE_KEY, VOICES } from "@/server/domain/templates/voices";
import type { ObjectStorage, StoredObject } from "@/server/ports/storage";
import type { TtsPort, TtsVoiceSettings } from "@/server/ports/tts";

/** Renders in progress, so the player's parallel range requests render a recording once. */
const rendering = new Map<string, Promise<StoredObject | null>>();

/**
 * A call's recording audio. A Recording row with `sizeBytes` 0 and no stored object is one whose audio has not been
 * rendered yet — the demo's call history is written without audio so the seed stays fast —: it is rendered here, on
 * first play, from the call's transcript by the same two-voice text-to-speech path as the carrier simulator's
 * recordings (the AI in the script's voice, the patient in a catalogue voice of the other gender), then stored and
 * served like any other. A missing object of a recording that had audio stays missing (null).
 */
export async function readRecordingAudio(
  db: PrismaClient,
  storage: ObjectStorage,
  callId: string,
  recording: { storageKey: string; sizeBytes: number },
  deps: { tts?: TtsPort } = {},
): Promise<StoredObject | null> {
  const stored = await storage.get(recording.storageKey);
  if (stored || recording.sizeBytes > 0) return stored;
  const running = rendering.get(callId);
  if (running) return running;
  const job = renderAndStore(db, storage, callId, recording.storageKey, deps.tts ?? getTts()).finally(() => rendering.delete(callId));
  rendering.set(callId, job);
  return job;
}

async function renderAndStore(db: PrismaClient, storage: ObjectStorage, callId: string, storageKey: string, tts: TtsPort): Promise<StoredObject | null> {
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
  const ai: TtsVoiceSettings = {
    voiceKey: call.script.voice?.key ?? DEFAULT_VOICE_KEY,
    speed: call.script.voiceSpeed,
    pitch: call.script.voicePitch,
    volume: call.script.voiceVolume,
  };
  const clips = await speakLines(tts, turns, { ai, patient: patientVoice(ai.voiceKey, call.mobile) });
  const { mp3, durationSeconds } = await mixRecording(turns, clips);
  await storage.put(storageKey, mp3, { contentType: "audio/mpeg" });
  await db.recording.update({ where: { callId }, data: { sizeBytes: mp3.byteLength, durationSec: Math.round(durationSeconds) } });
  return { body: Buffer.from(mp3), contentType: "audio/mpeg", size: mp3.byteLength };
}

/** As the simulator picks it: a catalogue voice of the other gender than the AI's, chosen by the number. */
function patientVoice(aiVoiceKey: string, mobile: string): TtsVoiceSettings {
  const aiGender = VOICES.find((v) => v.key === aiVoiceKey)?.gender ?? "female";
  const others = VOICES.filter((v) => v.gender !== aiGender);
  const seed = stableHash(mobile);
  const voice = others[seed % others.length] ?? VOICES[0]!;
  return { voiceKey: voice.key, speed: 100, pitch: 40 + (seed % 21), volume: 100 };
}
