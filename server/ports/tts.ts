/**
 * Text-to-speech: voice samples and fixed-script audio (script studio), and the carrier simulator's two-voice call
 * recordings. The offline adapter is espeak-ng WASM (server/adapters/tts/espeak-tts.ts); a vendor TTS is another adapter.
 */
export interface TtsVoiceSettings {
  /** A key of the voice catalogue (server/domain/templates/voices.ts). */
  voiceKey: string;
  /** Percent of the voice's normal rate. */
  speed: number;
  /** 0–100, 50 = the voice's own pitch. */
  pitch: number;
  /** Percent. */
  volume: number;
}

export interface SynthesizedAudio {
  audio: Uint8Array;
  contentType: "audio/mpeg";
  durationSec: number;
}

/** Mono 16-bit PCM, for callers that mix several utterances (a call recording with two voices). */
export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

export interface TtsPort {
  synthesize(text: string, voice: TtsVoiceSettings): Promise<SynthesizedAudio>;
  synthesizePcm(text: string, voice: TtsVoiceSettings): Promise<Pcm>;
}
