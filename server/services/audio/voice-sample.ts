import type { Tx } from "@/server/db/create-client";
import { voiceByKey } from "@/server/domain/templates/voices";
import type { ObjectStorage, StoredObject } from "@/server/ports/storage";
import type { TtsPort } from "@/server/ports/tts";
import { ensureSpeech, speechHash } from "./speech-cache";

/**
 * A voice's 试听 sample: synthesised on first request and kept in storage (Voice.sampleKey). The key carries a hash of
 * the text and settings, so a changed catalogue entry gets a new sample. null for an unknown voice.
 */
export async function getVoiceSample(db: Tx, ports: { storage: ObjectStorage; tts: TtsPort }, voiceKey: string): Promise<StoredObject | null> {
  const voice = await db.voice.findUnique({ where: { key: voiceKey }, select: { id: true, key: true, sampleKey: true, speed: true, pitch: true, volume: true } });
  const definition = voiceByKey(voiceKey);
  if (!voice || !definition) return null;
  const settings = { voiceKey: voice.key, speed: voice.speed, pitch: voice.pitch, volume: voice.volume };
  const key = `voices/${voice.key}-${speechHash(definition.sampleText, settings)}.mp3`;
  await ensureSpeech(ports.storage, ports.tts, key, definition.sampleText, settings);
  if (voice.sampleKey !== key) await db.voice.update({ where: { id: voice.id }, data: { sampleKey: key } });
  return ports.storage.get(key);
}
