import { describe, expect, it } from "vitest";
import { DEFAULT_AI_CALL_FEATURES } from "@/server/domain/vendor/ai-call-features";
import { callInput } from "./fixtures.test-helpers";
import { planCall } from "./plan-call";

// Answered (last two 30), interested (persona 0); fifth- and sixth-from-last 9 8 → transfer answered, 9 9 → rang out.
const ANSWERED_LEG = "13712891230";
const RANG_OUT = "13712991230";
const withFrontDesk = (callee: string, frontDeskSkillGroupId: number | null = 42, transferToFrontDesk = true) => ({
  ...callInput(callee),
  vendor: { features: { ...DEFAULT_AI_CALL_FEATURES, transferToFrontDesk }, frontDeskSkillGroupId },
});

describe("planCall: 转人工", () => {
  it("hands the call to the clinic's front desk; 9 8 → a person answers, 9 9 → it rings out and the AI apologises", () => {
    const answered = planCall(withFrontDesk(ANSWERED_LEG), "c1");
    expect(answered.transfer).toEqual({ skillGroup: "前台技能组 42", answered: true });
    expect(answered.turns.map((t) => t.speaker)).toEqual(["ai", "patient", "ai"]);
    expect(answered.turns[1]!.text).toContain("转人工");
    const rangOut = planCall(withFrontDesk(RANG_OUT), "c2");
    expect(rangOut.transfer).toEqual({ skillGroup: "前台技能组 42", answered: false });
    expect(rangOut.turns.at(-1)!.text).toContain("无人接听");
    expect(rangOut.hangupBy).toBe("bot");
  });
  it("never transfers without a front desk, with the feature off, or for a carrier request without vendor settings", () => {
    expect(planCall(withFrontDesk(RANG_OUT, null), "c3").transfer ?? null).toBeNull();
    expect(planCall(withFrontDesk(RANG_OUT, 42, false), "c4").transfer ?? null).toBeNull();
    expect(planCall(callInput(RANG_OUT), "c5").transfer ?? null).toBeNull();
  });
});
