import type { Pcm } from "@/server/ports/tts";
import { encodeMp3 as encodeMonoMp3 } from "./mp3";

/** Helpers for callers that mix speech (call recordings) or need placeholder audio (tests). */
export function silence(sampleRate: number, seconds: number): Pcm {
  return { sampleRate, samples: new Int16Array(Math.max(0, Math.round(sampleRate * seconds))) };
}

export const pcmSeconds = (pcm: Pcm) => pcm.samples.length / pcm.sampleRate;

/** Mono PCM → mp3 (CBR). */
export function encodeMp3(pcm: Pcm, kbps = 48): Promise<Uint8Array> {
  return encodeMonoMp3({ ...pcm, channels: 1 }, kbps);
}
