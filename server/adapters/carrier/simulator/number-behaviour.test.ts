import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { numberWith } from "./fixtures.test-helpers";
import { CALLER_ID_POOLS, OUTCOME_BANDS, callerIdFor, firstOutcomeOf, outcomeOf, personaOf, transferBehaviourOf } from "./number-behaviour";

describe("per-number behaviour of the simulator", () => {
  it("forces each outcome by the last two digits (docs/carrier-simulator.md)", () => {
    expect(firstOutcomeOf("13912340012")).toBe("answered");
    expect(firstOutcomeOf("13912340050")).toBe("noAnswer");
    expect(firstOutcomeOf("13912340070")).toBe("busy");
    expect(firstOutcomeOf("13912340077")).toBe("rejected");
    expect(firstOutcomeOf("13912340083")).toBe("poweredOff");
    expect(firstOutcomeOf("13912340088")).toBe("emptyNumber");
    expect(firstOutcomeOf("13912340092")).toBe("suspended");
    expect(firstOutcomeOf("13912340095")).toBe("failed");
  });

  it("covers 00–99 exactly once with a realistic share of answers", () => {
    const covered = OUTCOME_BANDS.flatMap((b) => Array.from({ length: b.to - b.from + 1 }, (_, i) => b.from + i));
    expect(covered).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const answered = OUTCOME_BANDS.find((b) => b.outcome === "answered")!;
    expect(answered.to - answered.from + 1).toBe(50);
  });

  it("is deterministic per number and attempt", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), fc.integer({ min: 1, max: 4 }), (mobile, attempt) => {
        expect(outcomeOf(mobile, attempt)).toBe(outcomeOf(mobile, attempt));
        expect(personaOf(mobile)).toBe(personaOf(mobile));
      }),
    );
  });

  it("answers a redial when the fourth-from-last digit is even; never changes 空号 / 停机", () => {
    expect(outcomeOf("13912340050", 2)).toBe("answered");
    expect(outcomeOf("13912341050", 2)).toBe("noAnswer");
    expect(outcomeOf("13912340088", 2)).toBe("emptyNumber");
    expect(outcomeOf("13912340092", 3)).toBe("suspended");
    expect(outcomeOf("13912340012", 2)).toBe("answered");
  });

  it("picks the persona from the third-from-last digit", () => {
    expect(personaOf("13912340012")).toBe("interested");
    expect(personaOf("13912340212")).toBe("asksPrice");
    expect(personaOf("13912340312")).toBe("asksAddress");
    expect(personaOf("13912340412")).toBe("assent");
    expect(personaOf("13912340512")).toBe("refuses");
    expect(personaOf("13912340712")).toBe("optOut");
    expect(personaOf("13912340912")).toBe("hangsUp");
    expect(personaOf(numberWith(4, "12"))).toBe("assent");
  });

  it("uses a local 11-digit caller id from the city's pool, stable per callee", () => {
    const id = callerIdFor("13912340012", "上海");
    expect(CALLER_ID_POOLS["上海"]).toContain(id);
    expect(callerIdFor("13912340012", "上海")).toBe(id);
    expect(CALLER_ID_POOLS["全国"]).toContain(callerIdFor("13912340012", "拉萨"));
    for (const pool of Object.values(CALLER_ID_POOLS)) for (const n of pool) expect(n).toMatch(/^1[3-9]\d{9}$/);
  });
});

describe("transferBehaviourOf (fifth- and sixth-from-last digits)", () => {
  it("9 and 8 → the front desk answers, 9 and 9 → nobody answers, anything else → no transfer", () => {
    expect(transferBehaviourOf("13712891230")).toBe("answered");
    expect(transferBehaviourOf("13712991230")).toBe("notAnswered");
    expect(transferBehaviourOf("13712981230")).toBeNull();
    expect(transferBehaviourOf("13712901230")).toBeNull();
    expect(transferBehaviourOf("13712301230")).toBeNull();
  });
});
