import type { TtsPort } from "@/server/ports/tts";
import { EspeakTts } from "./espeak-tts";

let tts: TtsPort | undefined;

/** The app's text-to-speech: offline espeak-ng. */
export function getTts(): TtsPort {
  return (tts ??= new EspeakTts());
}

export function setTtsForTests(next: TtsPort | undefined) {
  tts = next;
}
