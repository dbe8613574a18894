import { describe, expect, it } from "vitest";
import {
  addIntentBranch,
  branchKeys,
  branchLabel,
  initialIntentBranches,
  MAX_INTENT_BRANCHES,
  routeIntent,
  selectableIntents,
  validateIntentBranches,
  type IntentBranchesConfig,
} from "./intent-branches";

const OPTIONS = [
  { key: "confirmed", label: "确认到店" },
  { key: "reschedule", label: "需要改约" },
  { key: "cancelled", label: "取消预约" },
  { key: "refused", label: "拒绝来电" },
  { key: "noAnswer", label: "未接" },
];

describe("客户意向多分支", () => {
  it("starts with only the two fixed rules 默认为空 and 其他", () => {
    const config = initialIntentBranches();
    expect(config.branches).toEqual([]);
    expect(branchKeys(config)).toEqual(["empty", "other"]);
    expect(branchLabel(config, "empty", OPTIONS)).toBe("默认为空");
    expect(branchLabel(config, "other", OPTIONS)).toBe("其他");
  });

  it("adds at most five intent branches, lettered A–E, reusing a freed letter", () => {
    let config: IntentBranchesConfig | null = initialIntentBranches();
    for (let i = 0; i < MAX_INTENT_BRANCHES; i++) config = addIntentBranch(config!);
    expect(config!.branches.map((b) => b.key)).toEqual(["A", "B", "C", "D", "E"]);
    expect(addIntentBranch(config!)).toBeNull();
    const withoutB = { ...config!, branches: config!.branches.filter((b) => b.key !== "B") };
    expect(addIntentBranch(withoutB)!.branches.at(-1)!.key).toBe("B");
    expect(validateIntentBranches({ enabled: true, branches: [...config!.branches, { key: "A", intents: ["x"] }] }, OPTIONS)).toContainEqual({
      code: "branchTooMany",
      params: { max: 5 },
    });
  });

  it("lets each intent be chosen by one branch only", () => {
    const config: IntentBranchesConfig = {
      enabled: true,
      branches: [
        { key: "A", intents: ["confirmed"] },
        { key: "B", intents: ["reschedule", "confirmed"] },
      ],
    };
    expect(validateIntentBranches(config, OPTIONS)).toEqual([{ code: "intentUsedTwice", params: { intent: "确认到店", other: "A" } }]);
    expect(selectableIntents(config, "B", OPTIONS).map((o) => o.key)).toEqual(["reschedule", "cancelled", "refused", "noAnswer"]);
    expect(selectableIntents(config, "A", OPTIONS).map((o) => o.key)).not.toContain("reschedule");
  });

  it("requires at least one branch with intents from the script", () => {
    expect(validateIntentBranches({ enabled: true, branches: [] }, OPTIONS)).toEqual([{ code: "branchNone", params: {} }]);
    expect(validateIntentBranches({ enabled: true, branches: [{ key: "A", intents: [] }] }, OPTIONS)).toEqual([{ code: "branchNoIntents", params: { key: "A" } }]);
    expect(validateIntentBranches({ enabled: true, branches: [{ key: "A", intents: ["interested"] }] }, OPTIONS)).toEqual([{ code: "intentNotInScript", params: { key: "A", intent: "interested" } }]);
    expect(validateIntentBranches({ enabled: false, branches: [] }, OPTIONS)).toEqual([]);
  });

  it("labels an edge with the branch letter and its intents", () => {
    const config: IntentBranchesConfig = { enabled: true, branches: [{ key: "A", intents: ["confirmed", "reschedule"] }] };
    expect(branchLabel(config, "A", OPTIONS)).toBe("A(确认到店、需要改约)");
    expect(branchKeys(config)).toEqual(["A", "empty", "other"]);
  });

  it("routes a classified intent to its branch, a missing one to 默认为空, any other to 其他", () => {
    const config: IntentBranchesConfig = {
      enabled: true,
      branches: [
        { key: "A", intents: ["confirmed"] },
        { key: "B", intents: ["reschedule", "cancelled"] },
      ],
    };
    expect(routeIntent(config, "confirmed")).toBe("A");
    expect(routeIntent(config, "cancelled")).toBe("B");
    expect(routeIntent(config, "refused")).toBe("other");
    expect(routeIntent(config, null)).toBe("empty");
    expect(routeIntent(config, "")).toBe("empty");
    expect(routeIntent({ enabled: false, branches: [] }, "confirmed")).toBeNull();
  });
});
