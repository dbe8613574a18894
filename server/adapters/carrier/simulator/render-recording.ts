import { VOICES } from "@/server/domain/templates/voices";
import type { Turn } from "@/server/ports/carrier";
import type { Pcm, TtsPort, TtsVoiceSettings } from "@/server/ports/tts";
import { encodeMp3 } from "@/server/adapters/tts/audio";
import { stableHash } from "./number-behaviour";

const SAMPLE_RATE = 22050;
const CACHE_LIMIT = 120;

/** Lines repeat across calls of one script (and patient replies across all), so synthesised PCM is kept a while. */
const cache = new Map<string, Int16Array>();

async function speak(tts: TtsPort, text: string, voice: TtsVoiceSettings): Promise<Int16Array> {
  const key = `${JSON.stringify(voice)}|${text}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const samples = resample(await tts.synthesizePcm(text, voice), SAMPLE_RATE);
  cache.set(key, samples);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return samples;
}

function resample(pcm: Pcm, rate: number): Int16Array {
  if (pcm.sampleRate === rate) return pcm.samples;
  const out = new Int16Array(Math.round((pcm.samples.length * rate) / pcm.sampleRate));
  for (let i = 0; i < out.length; i++) out[i] = pcm.samples[Math.min(pcm.samples.length - 1, Math.floor((i * pcm.sampleRate) / rate))]!;
  return out;
}

/**
 * Two clearly different voices: the AI in the script's voice, the patient in a catalogue voice of the other gender,
 * chosen (with its pitch) by the number, so a callee always sounds the same.
 */
export function callVoices(aiVoice: TtsVoiceSettings, callee: string, aiGender?: "male" | "female"): { ai: TtsVoiceSettings; patient: TtsVoiceSettings } {
  const gender = VOICES.find((v) => v.key === aiVoice.voiceKey)?.gender ?? aiGender ?? "female";
  const others = VOICES.filter((v) => v.gender !== gender);
  const seed = stableHash(callee);
  const patient = others[seed % others.length] ?? VOICES[0]!;
  return { ai: aiVoice, patient: { voiceKey: patient.key, speed: 100, pitch: 40 + (seed % 21), volume: 100 } };
}

/** Speaks each line in its speaker's voice; the durations then time the transcript. */
export async function speakLines(
  tts: TtsPort,
  lines: readonly { speaker: "ai" | "patient"; text: string }[],
  voices: { ai: TtsVoiceSettings; patient: TtsVoiceSettings },
): Promise<Int16Array[]> {
  const clips: Int16Array[] = [];
  for (const line of lines) clips.push(await speak(tts, line.text, line.speaker === "ai" ? voices.ai : voices.patient));
  return clips;
}

export const clipSeconds = (clip: Int16Array) => clip.length / SAMPLE_RATE;

/** The call as an mp3: each line's audio at its transcript offset (never overlapping the previous one). */
export async function mixRecording(turns: readonly Turn[], clips: readonly Int16Array[]): Promise<{ mp3: Uint8Array; durationSeconds: number }> {
  const placed: { start: number; samples: Int16Array }[] = [];
  let cursor = 0;
  turns.forEach((turn, i) => {
    const samples = clips[i] ?? new Int16Array(0);
    const start = Math.max(Math.round(turn.at * SAMPLE_RATE), cursor);
    placed.push({ start, samples });
    cursor = start + samples.length;
  });
  const total = cursor + Math.round(0.6 * SAMPLE_RATE);
  const mix = new Int16Array(total);
  for (const clip of placed) mix.set(clip.samples, clip.start);
  return { mp3: await encodeMp3({ sampleRate: SAMPLE_RATE, samples: mix }), durationSeconds: Math.round((total / SAMPLE_RATE) * 10) / 10 };
}
