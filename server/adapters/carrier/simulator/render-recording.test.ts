import { describe, expect, it } from "vitest";
import { EspeakTts } from "@/server/adapters/tts/espeak-tts";
import { timeLines } from "./plan-call";
import { clipSeconds, mixRecording, speakLines } from "./render-recording";

describe("two-voice call recordings", () => {
  it("speaks the AI and the patient in different voices and mixes them at their transcript offsets", async () => {
    const lines = [
      { speaker: "ai" as const, text: "您好，请问是王女士吗？这里是静安店。" },
      { speaker: "patient" as const, text: "嗯嗯，是我。" },
      { speaker: "ai" as const, text: "好的，期待您的到来，再见！" },
    ];
    const voices = {
      ai: { voiceKey: "xiaoya", speed: 100, pitch: 50, volume: 100 },
      patient: { voiceKey: "chenlei", speed: 100, pitch: 45, volume: 100 },
    };
    const clips = await speakLines(new EspeakTts(), lines, voices);
    expect(clips.every((c) => clipSeconds(c) > 0.5)).toBe(true);
    const { turns, talkSeconds } = timeLines(lines, "k", { durations: clips.map(clipSeconds) });
    expect(turns[1]!.at).toBeGreaterThan(clipSeconds(clips[0]!));
    const { mp3, durationSeconds } = await mixRecording(turns, clips);
    expect(mp3[0]).toBe(0xff);
    expect(durationSeconds).toBeGreaterThan(turns[2]!.at + clipSeconds(clips[2]!));
    expect(durationSeconds).toBeLessThanOrEqual(talkSeconds + 1);
  }, 30_000);
});
