import { describe, expect, it } from "vitest";
import { APPOINTMENT_INTENTS, MARKETING_INTENTS, intentsOf } from "@/server/domain/templates/intents";
import { classifyIntent, type ClassifyIntentInput } from "./classify-intent";
import { answeringPartyOf } from "./answering-party";
import { unreachedOutcomeOf, redialOutcomeOf } from "@/server/domain/calls/unreached-outcome";
import { applyIntentLabels, effectiveIntents, MAX_CUSTOM_INTENTS } from "./intent-labels";
import { correctionCase } from "./correction-case";

const SURVEY = intentsOf("satisfied", "dissatisfied", "needsCallback", "undecided", "notLocal", "refused");
const POST_OP = intentsOf("recovering", "discomfort", "needsCallback", "undecided", "notLocal", "refused");
const RECALL = intentsOf("interested", "somewhatInterested", "notInterested", "notLocal", "refused");

/** A call: AI lines and patient lines alternate, starting with the AI's. */
function call(intents: ClassifyIntentInput["intents"], category: "marketing" | "service", ...lines: string[]): ClassifyIntentInput {
  return { category, intents, answered: true, turns: lines.map((text, i) => ({ speaker: i % 2 === 0 ? ("ai" as const) : ("patient" as const), text })) };
}
const REMIND = "提醒您明天下午3点在我们门诊有补牙的预约，请问您能按时到店吗？";
const INVITE = "我们本月有洁牙优惠活动，您有兴趣了解一下吗？";
const FOLLOW = "您上周做了拔牙，恢复得怎么样？有没有哪里不舒服？";
const CALLBACK = "需要我请医生给您回个电话吗？";

describe("complaints and opt-outs (issue 25)", () => {
  it("a complaint is 不满意 + 需回电, never an opt-out", () => {
    const r = classifyIntent(call(SURVEY, "service", "您对我们的服务满意吗？", "补的牙又掉了，我要投诉！让你们负责人给我打电话"));
    expect(r).toMatchObject({ intent: "dissatisfied", complaint: true, optOut: false, callbackRequested: true, rule: "complaint" });
    expect(r.trigger).toBe("补的牙又掉了，我要投诉！让你们负责人给我打电话");
  });

  it("the learned model may add a complaint the phrases missed (then 不满意 on a survey), never an opt-out", () => {
    const said = "收了我八百块，结果说好的项目一半没做";
    const r = classifyIntent(call(SURVEY, "service", "您对我们的服务满意吗？", said));
    expect(r).toMatchObject({ complaint: true, trigger: said, intent: "dissatisfied", optOut: false });
  });

  it("an explicit request not to be called is an opt-out with its sentence; 联系我 in it is no call-back", () => {
    const r = classifyIntent(call(MARKETING_INTENTS, "marketing", INVITE, "以后不要再联系我了"));
    expect(r).toMatchObject({ intent: "refused", optOut: true, callbackRequested: false, trigger: "以后不要再联系我了" });
  });

  it("reads the scope of a negation: 不用再提醒 / 不用再打 are not opt-outs", () => {
    expect(classifyIntent(call(APPOINTMENT_INTENTS, "service", REMIND, "我记着呢，不用再提醒了"))).toMatchObject({ intent: "confirmed", optOut: false });
    expect(classifyIntent(call(POST_OP, "service", FOLLOW, "好多了…不用再打了"))).toMatchObject({ intent: "recovering", optOut: false });
    expect(classifyIntent(call(RECALL, "service", INVITE, "不用预约吧？我今天下班直接过去"))).toMatchObject({ intent: "interested", optOut: false });
  });

  it("reads explicit requests in other shapes: a threat across a comma, a number removed from a system, English", () => {
    for (const said of ["你们如果再打过来，我就报警", "请把我的电话从你们的系统里删除", "Please stop calling me.", "帮我设置成不再来电吧", "以后别往我这儿打了"]) {
      const r = classifyIntent(call(MARKETING_INTENTS, "marketing", INVITE, said));
      expect(r, said).toMatchObject({ intent: "refused", optOut: true, complaint: false });
    }
    // A complaint said now is not a threat conditional on another call.
    expect(classifyIntent(call(SURVEY, "service", "您对我们的服务满意吗？", "上次收费不清楚，我要投诉"))).toMatchObject({ optOut: false, complaint: true });
  });

  it("hostility without a request to stop is 拒绝来电 without DNC", () => {
    for (const said of ["烦不烦啊，一天打三遍", "你们是骗子吧"]) expect(classifyIntent(call(MARKETING_INTENTS, "marketing", INVITE, said))).toMatchObject({ intent: "refused", optOut: false });
    // A threat conditioned on another call is a request not to be called.
    expect(classifyIntent(call(MARKETING_INTENTS, "marketing", INVITE, "这是骚扰，再打我就报警"))).toMatchObject({ intent: "refused", optOut: true });
  });

  it("polite brush-offs are not interest", () => {
    expect(classifyIntent(call(MARKETING_INTENTS, "marketing", INVITE, "有需要我会联系你们的")).intent).toBe("notInterested");
    expect(classifyIntent(call(MARKETING_INTENTS, "marketing", INVITE, "考虑考虑")).intent).toBe("somewhatInterested");
    expect(classifyIntent(call(MARKETING_INTENTS, "marketing", INVITE, "暂时不需要")).intent).toBe("notInterested");
    expect(classifyIntent(call(RECALL, "service", INVITE, "刷牙老出血，正想去洗")).intent).toBe("interested");
  });
});

describe("the turn an answer belongs to", () => {
  it("「不用了」 to a call-back offer declines the call-back, not the recovery", () => {
    const r = classifyIntent(call(POST_OP, "service", FOLLOW, "恢复得挺好的", CALLBACK, "不用了"));
    expect(r).toMatchObject({ intent: "recovering", callbackRequested: false });
  });

  it("「好的」 to a call-back offer asks for one", () => {
    const r = classifyIntent(call(POST_OP, "service", FOLLOW, "还有点疼", CALLBACK, "好的"));
    expect(r.callbackRequested).toBe(true);
  });

  it("a later 「好的」 to the AI's reaction keeps an earlier change of appointment", () => {
    const r = classifyIntent(call(APPOINTMENT_INTENTS, "service", REMIND, "明天不行，能改到周六上午吗", "好的，帮您登记周六上午，可以吗？", "好的"));
    expect(r).toMatchObject({ intent: "reschedule", proposedTime: "周六上午" });
  });

  it("a bare 嗯 answering 「能按时到店吗」 confirms", () => {
    expect(classifyIntent(call(APPOINTMENT_INTENTS, "service", REMIND, "嗯")).intent).toBe("confirmed");
  });
});

describe("machines and wrong numbers", () => {
  it("are never a patient's intent", () => {
    for (const said of ["对不起，您拨打的用户正忙，请稍后再拨", "您好，我是机主的智能助理，我会转告机主", "您拨打的电话暂时无人接听，请在提示音后留言", "你打错了，我不是王先生"]) {
      const r = classifyIntent(call(APPOINTMENT_INTENTS, "service", REMIND, said));
      expect(r.intent).toBeNull();
      expect(r.reached).not.toBe("patient");
      expect(r.optOut).toBe(false);
    }
    expect(answeringPartyOf(["我是他爱人，他不在家"])).toBe("relative");
  });

  it("reads announcements by their fixed shape, and a reassigned number or a colleague as a wrong number", () => {
    expect(answeringPartyOf(["Hello, you've reached Anna, I can't take your call right now"])).toBe("voicemail");
    expect(answeringPartyOf(["我是小刘，有事留言，看到回你"])).toBe("voicemail");
    expect(answeringPartyOf(["您呼叫的号码已暂停服务，如有疑问请咨询10010"])).toBe("operator");
    expect(answeringPartyOf(["您好，机主已开启来电助手，请说出您的来意"])).toBe("secretary");
    expect(answeringPartyOf(["我是他以前的同事，他早就不在我们单位了"])).toBe("wrongNumber");
    expect(answeringPartyOf(["这个号码现在是我在用，不认识这个人"])).toBe("wrongNumber");
    // …but family now using the patient's old number is a relative.
    expect(answeringPartyOf(["这是我爸以前的手机，现在这个号码是我在用"])).toBe("relative");
    expect(answeringPartyOf(["她去上班了，手机忘带了"])).toBe("relative");
    expect(answeringPartyOf(["他们说下周再来，我没意见"])).toBe("patient");
  });

  it("a wrong number who asks not to be called again is an opt-out, still with no intent", () => {
    const r = classifyIntent(call(APPOINTMENT_INTENTS, "service", REMIND, "你们打错了，我不认识这个人，以后别再打这个号码了"));
    expect(r).toMatchObject({ intent: null, reached: "wrongNumber", optOut: true, trigger: "你们打错了，我不认识这个人，以后别再打这个号码了" });
  });

  it("become their own call outcomes: machines redialled like no answer, a wrong number never", () => {
    const turns = (text: string) => [{ speaker: "ai" as const, text: REMIND }, { speaker: "patient" as const, text }];
    expect(unreachedOutcomeOf({ outcome: "answered", turns: turns("您拨打的电话已关机") })).toBe("operatorMessage");
    expect(unreachedOutcomeOf({ outcome: "answered", turns: turns("我是机主的AI助理小爱，他现在不方便接电话") })).toBe("secretary");
    expect(unreachedOutcomeOf({ outcome: "answered", turns: turns("这号我新办的，你说的那个人我不认识") })).toBe("wrongNumber");
    expect(unreachedOutcomeOf({ outcome: "answered", turns: turns("好的我准时到") })).toBeNull();
    expect(unreachedOutcomeOf({ outcome: "voiceAssistant", turns: [] })).toBe("voicemail");
    expect(unreachedOutcomeOf({ outcome: "noAnswer", turns: [] })).toBeNull();
    expect(redialOutcomeOf("voicemail")).toBe("noAnswer");
    expect(redialOutcomeOf("wrongNumber")).toBe("emptyNumber");
  });
});

describe("a clinic's own labels", () => {
  it("renames, adds up to the limit with a meaning, never deletes", () => {
    const ok = applyIntentLabels(MARKETING_INTENTS, [
      ...MARKETING_INTENTS.map((i) => ({ key: i.key, label: i.key === "interested" ? "A类意向" : i.label })),
      { key: "custom-1", label: "想要分期", canonical: "somewhatInterested" },
    ]);
    expect(ok.problems).toEqual([]);
    expect(ok.intents.find((i) => i.key === "interested")).toMatchObject({ label: "A类意向", canonical: "interested" });
    expect(applyIntentLabels(MARKETING_INTENTS, MARKETING_INTENTS.slice(1)).problems[0]).toContain("不能删除");
    expect(applyIntentLabels(MARKETING_INTENTS, [...MARKETING_INTENTS, { key: "custom-1", label: "新意向" }]).problems[0]).toContain("标准意向");
    const many = Array.from({ length: MAX_CUSTOM_INTENTS + 1 }, (_, i) => ({ key: `custom-${i}`, label: `自定义${i}`, canonical: "interested" }));
    expect(applyIntentLabels(MARKETING_INTENTS, [...MARKETING_INTENTS, ...many]).problems).toContain(`自定义意向最多添加 ${MAX_CUSTOM_INTENTS} 个`);
    expect(applyIntentLabels(MARKETING_INTENTS, MARKETING_INTENTS.map((i) => ({ ...i, label: "同名" }))).problems.some((p) => p.includes("重复"))).toBe(true);
  });

  it("classify over the renamed labels and write corrections onto the template's categories", () => {
    const own = effectiveIntents([{ key: "interested", label: "A类意向", canonical: "interested" }, { key: "custom-1", label: "想要分期", canonical: "somewhatInterested" }], MARKETING_INTENTS);
    expect(classifyIntent(call(own, "marketing", INVITE, "好的，周六上午帮我约一下")).label).toBe("A类意向");
    const c = correctionCase({
      id: "c1",
      templateKey: "implant-invite",
      templateIntents: MARKETING_INTENTS,
      scriptIntents: own,
      turns: [{ speaker: "ai", text: INVITE }, { speaker: "patient", text: "能分期吗" }],
      intent: "custom-1",
      intentBeforeCorrection: "interested",
      reachedParty: "patient",
      optedOut: false,
      complaint: false,
      callbackRequested: false,
      proposedTime: null,
    });
    expect(c).toMatchObject({ id: "corr-c1", template: "implant-invite", expect: { intent: "somewhatInterested", reached: "patient" }, tags: ["correction"] });
    expect(c.turns).toEqual([{ ai: INVITE }, { patient: "能分期吗" }]);
  });
});
