import { describe, expect, it } from "vitest";
import type { ScriptDialogues } from "@/server/domain/templates/dialogue";
import { applyVariantWording } from "./apply-variant";

const dialogues: ScriptDialogues = {
  intents: [],
  scenarios: [
    { key: "main-1", name: "主流程-1", rounds: [{ ai: "您好", replies: [] }, { ai: "本月种植牙优惠", replies: [] }, { ai: "再见", replies: [] }] },
    { key: "busy", name: "忙", rounds: [{ ai: "您好", replies: [] }] },
  ],
};

describe("applyVariantWording", () => {
  it("replaces the main flow's opening and offer lines only", () => {
    const out = applyVariantWording(dialogues, { opening: "王女士您好", offer: "专家面诊免挂号费" });
    expect(out.scenarios[0]!.rounds.map((r) => r.ai)).toEqual(["王女士您好", "专家面诊免挂号费", "再见"]);
    expect(out.scenarios[1]).toBe(dialogues.scenarios[1]);
    expect(dialogues.scenarios[0]!.rounds[0]!.ai).toBe("您好");
  });

  it("keeps the script's line where the variant has none", () => {
    expect(applyVariantWording(dialogues, { opening: null, offer: " " }).scenarios[0]!.rounds.map((r) => r.ai)).toEqual(["您好", "本月种植牙优惠", "再见"]);
  });
});
