import { Mp3Encoder } from "@breezystack/lamejs";
import type { Pcm } from "./wav";

const FRAME = 1152;

/** Mono PCM → MP3 (CBR). 48 kbps is plenty for 22 kHz speech. */
export function encodeMp3(pcm: Pcm, kbps = 48): Uint8Array {
  if (pcm.channels !== 1) throw new Error("only mono audio is encoded");
  const encoder = new Mp3Encoder(1, pcm.sampleRate, kbps);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < pcm.samples.length; i += FRAME) parts.push(encoder.encodeBuffer(pcm.samples.subarray(i, i + FRAME)));
  parts.push(encoder.flush());
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
