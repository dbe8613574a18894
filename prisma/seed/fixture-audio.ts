/**
 * Audio for call fixtures: a real mp3 of Mandarin speech (espeak-ng, default voice), or of silence when speed matters
 * more than content. Uses the app's speech worker (server/adapters/tts) directly, without the voice catalogue.
 */
import { encodeMp3 } from "../../server/adapters/tts/mp3";
import { speakToWav } from "../../server/adapters/tts/speech-worker-client";
import { parseWav } from "../../server/adapters/tts/wav";

const SAMPLE_RATE = 22050;

export function silentMp3(seconds = 1): Promise<Uint8Array> {
  return encodeMp3({ sampleRate: SAMPLE_RATE, channels: 1, samples: new Int16Array(Math.round(SAMPLE_RATE * seconds)) }, 32);
}

export async function speechMp3(text: string): Promise<Uint8Array> {
  return encodeMp3(parseWav(await speakToWav(["-v", "cmn", "--", text])), 32);
}
