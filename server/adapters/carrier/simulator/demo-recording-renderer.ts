import type { RecordingRenderer } from "@/server/ports/recording-renderer";
import type { TtsPort } from "@/server/ports/tts";
import { callVoices, mixRecording, speakLines } from "./render-recording";

/** Renders a stored call's transcript the way the simulator records a call (server/ports/recording-renderer.ts). */
export class DemoRecordingRenderer implements RecordingRenderer {
  constructor(private readonly tts: TtsPort) {}

  async render({ turns, aiVoice, callee }: Parameters<RecordingRenderer["render"]>[0]) {
    const clips = await speakLines(this.tts, turns, callVoices(aiVoice, callee));
    return mixRecording(turns, clips);
  }
}
