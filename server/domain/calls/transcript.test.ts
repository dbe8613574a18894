import { describe, expect, it } from "vitest";
import { countRounds, groupIntoRounds, parseTranscript, roundsOfAttempt } from "./transcript";

describe("parseTranscript", () => {
  it("reads the carrier's turns, as an array or wrapped", () => {
    const turns = [
      { speaker: "ai", text: "您好", at: 0 },
      { speaker: "patient", text: "你好", at: 2.5 },
    ];
    expect(parseTranscript(turns)).toEqual([
      { speaker: "ai", text: "您好", at: 0 },
      { speaker: "patient", text: "你好", at: 2.5 },
    ]);
    expect(parseTranscript({ turns })).toHaveLength(2);
  });

  it("drops malformed entries and reads nothing from non-transcripts", () => {
    expect(parseTranscript([{ speaker: "x", text: "?" }, { speaker: "ai" }, null, { speaker: "bot", text: "嗯", at: "3" }])).toEqual([
      { speaker: "ai", text: "嗯", at: null },
    ]);
    expect(parseTranscript(null)).toEqual([]);
    expect(parseTranscript("hello")).toEqual([]);
  });
});

describe("groupIntoRounds", () => {
  it("numbers only the AI lines the patient replied to", () => {
    const rounds = groupIntoRounds(
      parseTranscript([
        { speaker: "ai", text: "a1" },
        { speaker: "patient", text: "p1" },
        { speaker: "patient", text: "p1b" },
        { speaker: "ai", text: "a2" },
        { speaker: "ai", text: "a3" },
        { speaker: "patient", text: "p3" },
      ]),
    );
    expect(rounds.map((r) => [r.index, r.turns.map((t) => t.text)])).toEqual([
      [1, ["a1", "p1", "p1b"]],
      [null, ["a2"]],
      [2, ["a3", "p3"]],
    ]);
  });

  it("labels as many rounds as countRounds counts (the call detail's 对话轮次 agrees with 第N轮)", () => {
    // The demo's usual answered call: greeting, reply, question, reply, closing line.
    const turns = parseTranscript([
      { speaker: "ai", text: "您好" },
      { speaker: "patient", text: "你好" },
      { speaker: "ai", text: "方便来复查吗" },
      { speaker: "patient", text: "可以" },
      { speaker: "ai", text: "好的，再见" },
    ]);
    const numbered = groupIntoRounds(turns).filter((r) => r.index !== null);
    expect(countRounds(turns)).toBe(2);
    expect(numbered.map((r) => r.index)).toEqual([1, 2]);
    expect(groupIntoRounds(turns).at(-1)).toMatchObject({ index: null, turns: [{ text: "好的，再见" }] });
  });

  it("keeps a patient line that comes before any AI line", () => {
    expect(groupIntoRounds([{ speaker: "patient", text: "喂", at: 0 }])).toEqual([{ index: null, turns: [{ speaker: "patient", text: "喂", at: 0 }] }]);
  });
});

describe("countRounds / roundsOfAttempt", () => {
  const t = (...speakers: ("ai" | "patient")[]) => speakers.map((speaker) => ({ speaker }));
  it("counts an AI line followed by the patient's reply, once however many lines the reply takes", () => {
    expect(countRounds(t())).toBe(0);
    expect(countRounds(t("ai"))).toBe(0);
    expect(countRounds(t("patient", "ai"))).toBe(0);
    expect(countRounds(t("ai", "patient", "patient", "ai", "ai", "patient"))).toBe(2);
  });
  it("takes the count from the turns when there are any, else the carrier's", () => {
    expect(roundsOfAttempt(t("ai", "patient", "ai"), 5)).toBe(1);
    expect(roundsOfAttempt([], 3)).toBe(3);
    expect(roundsOfAttempt(undefined, -1)).toBe(0);
  });
});
