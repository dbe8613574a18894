import { espeakArgs, voiceByKey, DEFAULT_VOICE_KEY } from "@/server/domain/templates/voices";
import type { SynthesizedAudio, TtsPort, TtsVoiceSettings } from "@/server/ports/tts";
import { encodeMp3 } from "./mp3";
import { speakToWav } from "./speech-worker-client";
import { parseWav, type Pcm } from "./wav";

/**
 * Offline Mandarin speech: espeak-ng compiled to WASM (`-v cmn+<variant>`), WAV → MP3 with lamejs, both in a worker
 * thread. Robotic but real, about 0.1–0.3 s per sentence; callers cache the result in object storage.
 */
export class EspeakTts implements TtsPort {
  async synthesize(text: string, settings: TtsVoiceSettings): Promise<SynthesizedAudio> {
    const pcm = await this.synthesizePcm(text, settings);
    return { audio: await encodeMp3(pcm), contentType: "audio/mpeg", durationSec: pcm.samples.length / pcm.sampleRate };
  }

  /** The speech as mono PCM, for mixing several utterances (the carrier simulator's call recordings). */
  async synthesizePcm(text: string, settings: TtsVoiceSettings): Promise<Pcm> {
    const voice = voiceByKey(settings.voiceKey) ?? voiceByKey(DEFAULT_VOICE_KEY)!;
    const args = espeakArgs(voice, settings);
    return parseWav(await speakToWav(["-v", args.voice, "-s", String(args.wpm), "-p", String(args.pitch), "-a", String(args.amplitude), text]));
  }
}
