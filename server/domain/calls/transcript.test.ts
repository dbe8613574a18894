import { describe, expect, it } from "vitest";
import { groupIntoRounds, parseTranscript } from "./transcript";

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
  it("opens a round at each AI line and attaches the replies", () => {
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
      [2, ["a2"]],
      [3, ["a3", "p3"]],
    ]);
  });

  it("keeps a patient line that comes before any AI line", () => {
    expect(groupIntoRounds([{ speaker: "patient", text: "喂", at: 0 }])).toEqual([{ index: 1, turns: [{ speaker: "patient", text: "喂", at: 0 }] }]);
  });
});
