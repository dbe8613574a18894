/**
 * Audio for call fixtures, independent of the app's TTS port: a real mp3 of Mandarin speech (espeak-ng WASM + lamejs),
 * or of silence when speed matters more than content.
 */
import { Mp3Encoder } from "@breezystack/lamejs";

const SAMPLE_RATE = 22050;

function encode(samples: Int16Array, sampleRate = SAMPLE_RATE): Uint8Array {
  const encoder = new Mp3Encoder(1, sampleRate, 32);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < samples.length; i += 1152) {
    const out = encoder.encodeBuffer(samples.subarray(i, i + 1152));
    if (out.length) parts.push(out);
  }
  parts.push(encoder.flush());
  const mp3 = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    mp3.set(p, at);
    at += p.length;
  }
  return mp3;
}

export function silentMp3(seconds = 1): Uint8Array {
  return encode(new Int16Array(Math.round(SAMPLE_RATE * seconds)));
}

/** espeak-ng writes a 16-bit mono WAV; its data chunk is what lamejs needs. */
export async function speechMp3(text: string): Promise<Uint8Array> {
  const { default: ESpeakNg } = await import("espeak-ng");
  const instance = await ESpeakNg({ arguments: ["-v", "cmn", "-w", "/out.wav", "--", text], print: () => undefined, printErr: () => undefined });
  const wav: Uint8Array = instance.FS.readFile("/out.wav");
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  let at = 12;
  let sampleRate = SAMPLE_RATE;
  while (at + 8 <= wav.length) {
    const id = String.fromCharCode(...wav.subarray(at, at + 4));
    let size = view.getUint32(at + 4, true);
    if (id === "fmt ") sampleRate = view.getUint32(at + 12, true);
    if (id === "data") {
      if (size === 0 || size === 0xffffffff || at + 8 + size > wav.length) size = wav.length - at - 8;
      const samples = new Int16Array(Math.floor(size / 2));
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(at + 8 + i * 2, true);
      return encode(samples, sampleRate);
    }
    at += 8 + size + (size % 2);
  }
  throw new Error("espeak-ng produced no audio");
}
