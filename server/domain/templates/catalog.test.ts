import { describe, expect, it } from "vitest";
import { AI_TEMPLATES, FIXED_TEMPLATES, PRESET_TEMPLATES } from "./catalog";
import { isCallVariable } from "./call-variables";
import { composeDialogues, dialogueTexts, renderFixedScript } from "./compose-dialogues";
import type { ScenarioDialogue } from "./dialogue";
import { dialogueProblems, scriptDialoguesSchema } from "./dialogue-schema";
import { checkParams, defaultParams } from "./params";
import { paramKeysIn } from "./render-text";
import type { ScriptTemplateDefinition } from "./template-types";
import { voiceByKey } from "./voices";

/** A value for every parameter: defaults, then the first option, then a sample. */
function sampleValues(t: ScriptTemplateDefinition): Record<string, string> {
  const v = defaultParams(t.params);
  for (const p of t.params) v[p.key] ??= p.options?.[0] ?? (p.kind === "clinic" ? "clinic-1" : `示例${p.label}`);
  return v;
}

/** Every path from the main flow ends: following any reply never loops or runs off a scenario without ending. */
function walkEnds(scenarios: readonly ScenarioDialogue[]): boolean {
  const byKey = new Map(scenarios.map((s) => [s.key, s]));
  const visit = (key: string, roundIdx: number, seen: Set<string>): boolean => {
    const s = byKey.get(key);
    if (!s) return false;
    const id = `${key}#${roundIdx}`;
    if (seen.has(id)) return false;
    const round = s.rounds[roundIdx];
    if (!round) return true; // ran past the last round: the AI hangs up after its closing line
    const nextSeen = new Set(seen).add(id);
    if (round.replies.length === 0) return roundIdx === s.rounds.length - 1;
    return round.replies.every((r) =>
      r.next.kind === "end" ? true : r.next.kind === "continue" ? visit(key, roundIdx + 1, nextSeen) : visit(r.next.scenario, 0, nextSeen),
    );
  };
  return visit(scenarios[0]!.key, 0, new Set());
}

describe("preset AI templates", () => {
  it("are the 14 dental templates of the seed, each service or marketing", () => {
    expect(AI_TEMPLATES).toHaveLength(14);
    expect(AI_TEMPLATES.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        "预约到店提醒",
        "复诊提醒",
        "洁牙/定期检查召回",
        "正畸意向邀约",
        "种植意向邀约",
        "儿童涂氟/窝沟封闭邀约",
        "术后回访",
        "满意度回访",
        "沉睡患者唤醒",
        "临期权益提醒",
        "爽约改约",
        "活动邀约",
        "新店开业通知",
        "生日关怀",
      ]),
    );
    expect(new Set(AI_TEMPLATES.map((t) => t.category))).toEqual(new Set(["service", "marketing"]));
    expect(AI_TEMPLATES.every((t) => t.kind === "ai")).toBe(true);
  });

  it("have unique keys and names across all presets", () => {
    expect(new Set(PRESET_TEMPLATES.map((t) => t.key)).size).toBe(PRESET_TEMPLATES.length);
    expect(new Set(PRESET_TEMPLATES.map((t) => t.name)).size).toBe(PRESET_TEMPLATES.length);
  });

  it.each(AI_TEMPLATES.map((t) => [t.name, t] as const))("%s: main flow first and the seed's scenario tabs", (_name, t) => {
    expect(t.scenarios[0]!.name).toBe("主流程-1");
    expect(t.scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(["主流程-1", "AI无法应答", "客户不在当地", "客户没空/拒绝", "询问价格/地址"]));
    expect(t.intents.length).toBeGreaterThanOrEqual(4);
    expect(t.params.some((p) => p.required)).toBe(true);
    expect(voiceByKey(t.voiceKey)).toBeDefined();
  });

  it.each(PRESET_TEMPLATES.map((t) => [t.name, t] as const))("%s: declares every parameter it uses, and composes into sound dialogues", (_name, t) => {
    const declared = new Set(t.params.map((p) => p.key));
    const used = new Set(dialogueTexts(t).flatMap(paramKeysIn));
    for (const key of used) expect(declared, `{${key}} is not a parameter`).toContain(key);
    for (const key of used) expect(isCallVariable(key)).toBe(false);

    const values = sampleValues(t);
    expect(checkParams(t.params, values).errors).toEqual({});
    const composed = composeDialogues(t, values);
    expect(scriptDialoguesSchema.safeParse(composed).success).toBe(true);
    expect(dialogueProblems(composed, t.intents)).toEqual([]);
    // Nothing of the blueprint syntax is left but call variables.
    for (const text of dialogueTexts(composed)) expect(text).not.toMatch(/[[\]]/);
    expect(walkEnds(composed.scenarios)).toBe(true);
  });

  it("leaves optional segments out when their parameter is empty", () => {
    const t = AI_TEMPLATES.find((x) => x.key === "ortho-invite")!;
    const without = composeDialogues(t, { project: "隐形矫正" }).scenarios[0]!.rounds[0]!.ai;
    const withOffer = composeDialogues(t, { project: "隐形矫正", offer: "面诊免费" }).scenarios[0]!.rounds[0]!.ai;
    expect(without).not.toContain("面诊免费");
    expect(without).toContain("隐形矫正的专场咨询。请问");
    expect(withOffer).toContain("隐形矫正的专场咨询，面诊免费。请问");
  });

  it("have marketing templates treat a bare 嗯嗯 as 有意向 (seed Q8)", () => {
    for (const t of AI_TEMPLATES.filter((x) => x.category === "marketing")) {
      expect(t.scenarios[0]!.rounds[0]!.replies.find((r) => r.text === "嗯嗯")?.intent).toBe("interested");
    }
  });
});

describe("preset fixed templates", () => {
  it.each(FIXED_TEMPLATES.map((t) => [t.name, t] as const))("%s: one spoken body with 门店参数, no per-patient variables", (_name, t) => {
    expect(t.kind).toBe("fixed");
    expect(t.body).toBeTruthy();
    expect(t.params.find((p) => p.kind === "clinic")).toMatchObject({ label: "门店参数", required: true });
    const used = [...t.body!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter(isCallVariable);
    expect(new Set(used)).toEqual(new Set(["clinicShortName", "clinicAddress"]));
  });

  it("speaks the clinic's current 诊所简称 and 地址 and the 咨询项目", () => {
    const t = FIXED_TEMPLATES.find((x) => x.key === "fixed-consult-invite")!;
    const { text, dialogues } = renderFixedScript(t, { clinic: "c1", project: "隐形矫正" }, { shortName: "静安店", address: "南京西路1266号" });
    expect(text).toBe(
      "您好，这里是静安店。我们近期开展隐形矫正专项咨询活动，由专业医生为您一对一面诊并制定方案。欢迎您到店咨询，地址是南京西路1266号。祝您生活愉快，再见。",
    );
    expect(dialogues.scenarios).toHaveLength(1);
    expect(dialogueProblems(dialogues, t.intents)).toEqual([]);
  });
});
