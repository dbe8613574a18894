import { describe, expect, it } from "vitest";
import { EspeakTts } from "./espeak-tts";
import { parseWav } from "./wav";

/** MPEG-1/2 layer III frame sync: 11 set bits. */
const isMp3Frame = (b: Uint8Array) => b[0] === 0xff && (b[1]! & 0xe0) === 0xe0;

describe("EspeakTts", () => {
  it("speaks Mandarin into an mp3 whose length follows the text", async () => {
    const tts = new EspeakTts();
    const short = await tts.synthesize("您好。", { voiceKey: "xiaoya", speed: 100, pitch: 50, volume: 100 });
    const long = await tts.synthesize("您好，这里是微笑口腔静安店，提醒您明天上午十点到店复诊，祝您生活愉快。", {
      voiceKey: "xiaoya",
      speed: 100,
      pitch: 50,
      volume: 100,
    });
    expect(short.contentType).toBe("audio/mpeg");
    expect(isMp3Frame(long.audio)).toBe(true);
    expect(long.audio.length).toBeGreaterThan(short.audio.length);
    expect(long.durationSec).toBeGreaterThan(short.durationSec);
    expect(long.durationSec).toBeGreaterThan(2);
  }, 30_000); // espeak-ng + the mp3 encoder take seconds on a loaded 2-core machine

  it("speaks faster at a higher speed", async () => {
    const tts = new EspeakTts();
    const text = "欢迎您到店咨询，祝您生活愉快。";
    const normal = await tts.synthesize(text, { voiceKey: "chenlei", speed: 100, pitch: 50, volume: 100 });
    const fast = await tts.synthesize(text, { voiceKey: "chenlei", speed: 180, pitch: 50, volume: 100 });
    expect(fast.durationSec).toBeLessThan(normal.durationSec * 0.8);
  }, 30_000); // espeak-ng + the mp3 encoder take seconds on a loaded 2-core machine
});

describe("parseWav", () => {
  it("reads a 16-bit mono WAVE file and refuses anything else", () => {
    const header = new Uint8Array(44 + 4);
    const v = new DataView(header.buffer);
    header.set([..."RIFF"].map((c) => c.charCodeAt(0)), 0);
    v.setUint32(4, 40, true);
    header.set([..."WAVEfmt "].map((c) => c.charCodeAt(0)), 8);
    v.setUint32(16, 16, true);
    v.setUint16(20, 1, true);
    v.setUint16(22, 1, true);
    v.setUint32(24, 22050, true);
    v.setUint16(34, 16, true);
    header.set([..."data"].map((c) => c.charCodeAt(0)), 36);
    v.setUint32(40, 4, true);
    v.setInt16(44, 1000, true);
    v.setInt16(46, -1000, true);
    expect(parseWav(header)).toEqual({ sampleRate: 22050, channels: 1, samples: new Int16Array([1000, -1000]) });
    expect(() => parseWav(new Uint8Array(20))).toThrow("not a WAVE file");
  });
});
