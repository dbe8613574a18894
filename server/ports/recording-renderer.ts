import type { Turn } from "./carrier";
import type { TtsVoiceSettings } from "./tts";

/**
 * Renders a call's recording from its transcript, two voices as the carrier simulator records them. Only for calls
 * stored without audio (the demo's call history, seeded fast): their audio is made on first play. A real carrier's
 * recordings are always copied, never rendered.
 */
export interface RecordingRenderer {
  render(call: { turns: readonly Turn[]; aiVoice: TtsVoiceSettings; callee: string }): Promise<{ mp3: Uint8Array; durationSeconds: number }>;
}
