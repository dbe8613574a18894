import { describe, expect, it } from "vitest";
import { espeakArgs, voiceByKey, VOICES } from "./voices";

describe("voices", () => {
  it("have unique keys, both genders, and an avatar and sample each", () => {
    expect(new Set(VOICES.map((v) => v.key)).size).toBe(VOICES.length);
    expect(new Set(VOICES.map((v) => v.gender))).toEqual(new Set(["male", "female"]));
    for (const v of VOICES) expect(v.avatar && v.sampleText).toBeTruthy();
  });

  it("map a script's 语速/语调/音量 onto espeak-ng's ranges", () => {
    const v = voiceByKey("xiaoya")!;
    expect(espeakArgs(v, { speed: 100, pitch: 50, volume: 100 })).toEqual({ voice: "cmn+f2", wpm: v.engine.baseWpm, pitch: v.engine.basePitch, amplitude: 100 });
    expect(espeakArgs(v, { speed: 200, pitch: 100, volume: 200 })).toMatchObject({ wpm: 400, pitch: 99, amplitude: 200 });
    expect(espeakArgs(v, { speed: 10, pitch: 0, volume: 0 })).toMatchObject({ wpm: 80, pitch: 8, amplitude: 0 });
  });
});
