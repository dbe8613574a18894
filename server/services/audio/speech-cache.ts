import { createHash } from "node:crypto";
import { voiceByKey } from "@/server/domain/templates/voices";
import type { ObjectStorage } from "@/server/ports/storage";
import type { TtsPort, TtsVoiceSettings } from "@/server/ports/tts";

const inFlight = new Map<string, Promise<void>>();

/**
 * A stable name for what is spoken: the same text in the same voice is synthesised once. The voice's engine settings
 * are part of it, so tuning the catalogue yields new audio rather than stale cache hits.
 */
export function speechHash(text: string, voice: TtsVoiceSettings): string {
  return createHash("sha256")
    .update(JSON.stringify([text, voice.voiceKey, voice.speed, voice.pitch, voice.volume, voiceByKey(voice.voiceKey)?.engine ?? null]))
    .digest("hex")
    .slice(0, 32);
}

/** Synthesises into storage unless the key is already there; concurrent requests for one key share the work. */
export async function ensureSpeech(storage: ObjectStorage, tts: TtsPort, key: string, text: string, voice: TtsVoiceSettings): Promise<void> {
  if (await storage.get(key)) return;
  let job = inFlight.get(key);
  if (!job) {
    job = (async () => {
      const speech = await tts.synthesize(text, voice);
      await storage.put(key, speech.audio, { contentType: speech.contentType });
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, job);
  }
  await job;
}
