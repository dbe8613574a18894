import ESpeakNg from "espeak-ng";
import { espeakArgs, voiceByKey, DEFAULT_VOICE_KEY } from "@/server/domain/templates/voices";
import type { SynthesizedAudio, TtsPort, TtsVoiceSettings } from "@/server/ports/tts";
import { encodeMp3 } from "./mp3";
import { parseWav, type Pcm } from "./wav";

const OUT = "/tmp/speech.wav";

/**
 * Offline Mandarin speech: espeak-ng compiled to WASM (`-v cmn+<variant>`), WAV → MP3 with lamejs. Robotic but real,
 * about 0.1–0.3 s per sentence; callers cache the result in object storage.
 */
export class EspeakTts implements TtsPort {
  async synthesize(text: string, settings: TtsVoiceSettings): Promise<SynthesizedAudio> {
    const pcm = await this.synthesizePcm(text, settings);
    return { audio: encodeMp3(pcm), contentType: "audio/mpeg", durationSec: pcm.samples.length / pcm.sampleRate };
  }

  /** The speech as mono PCM, for mixing several utterances (the carrier simulator's call recordings). */
  async synthesizePcm(text: string, settings: TtsVoiceSettings): Promise<Pcm> {
    const voice = voiceByKey(settings.voiceKey) ?? voiceByKey(DEFAULT_VOICE_KEY)!;
    const args = espeakArgs(voice, settings);
    const log: string[] = [];
    const espeak = await ESpeakNg({
      arguments: ["-v", args.voice, "-s", String(args.wpm), "-p", String(args.pitch), "-a", String(args.amplitude), "-w", OUT, text],
      print: (s) => log.push(s),
      printErr: (s) => log.push(s),
    });
    let wav: Uint8Array;
    try {
      wav = espeak.FS.readFile(OUT);
    } catch (error) {
      throw new Error(`espeak-ng produced no audio: ${log.join(" ")}`, { cause: error });
    }
    return parseWav(wav);
  }
}
