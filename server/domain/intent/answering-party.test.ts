import { describe, expect, it } from "vitest";
import { answeringPartyOf, askedSurnameOf } from "./answering-party";
import { classifyIntent } from "./classify-intent";
import { partyByModel, calleePartyOf } from "./party-model";
import { shippedModel } from "./refine-with-model";
import { trainModel } from "./learned-model";
import { partyFeatures } from "./party-model";
import { PRESET_TEMPLATES } from "@/server/domain/templates/catalog";

const OPENER = "您好，请问是钱先生吗？我是雅贝口腔的客服小助手。提醒您明天上午9点有洗牙的预约，请问您能按时到店吗？";
const reminder = PRESET_TEMPLATES.find((t) => t.key === "appointment-reminder")!;
const call = (...said: string[]) =>
  classifyIntent({
    category: reminder.category,
    intents: reminder.intents,
    answered: true,
    turns: [{ speaker: "ai", text: OPENER }, ...said.flatMap((text) => [{ speaker: "patient" as const, text }, { speaker: "ai" as const, text: "好的。" }])],
  });

describe("who answered, read by the shape of what was said", () => {
  it("operator announcements: a subject and a line state, or a state and the announcement's instruction, in any wording", () => {
    expect(answeringPartyOf(["联通提示：对方号码已过期失效。"])).toBe("operator");
    expect(answeringPartyOf(["……正忙请稍后再……"])).toBe("operator");
    expect(answeringPartyOf(["对唔住，你所搅嘅电话暂时未能接通，请迟啲再打过嚟。"])).toBe("operator");
    expect(answeringPartyOf(["Your call cannot be completed as dialed. Please check the number and dial again."])).toBe("operator");
    expect(answeringPartyOf(["♪啦啦啦啦……♪（彩铃持续约四十秒后断开）"])).toBe("operator");
  });

  it("a recording that takes a message: a beep, 口信, a tone to speak after", () => {
    expect(answeringPartyOf(["（静音约十秒）……哔——"])).toBe("voicemail");
    expect(answeringPartyOf(["我是李姐，暂时接不了，晚点回你。嘀——"])).toBe("voicemail");
    expect(answeringPartyOf(["您好，我不在座位上，请在信号音后讲话，我会尽快回电。"])).toBe("voicemail");
  });

  it("a phone assistant names itself or relays to the owner in the third person", () => {
    expect(answeringPartyOf(["您好，机主现在不方便接听，我是他的AI助理，有什么事可以跟我说。"])).toBe("secretary");
    expect(answeringPartyOf(["来电提醒：您的电话已被记录。"])).toBe("secretary");
    expect(answeringPartyOf(["您好，我是荣耀YOYO，主人正在开会，有什么可以帮您转达？"])).toBe("secretary");
  });

  it("people who only sound like machines stay people", () => {
    expect(answeringPartyOf(["我在忙，晚点打过来。"])).toBe("patient");
    expect(answeringPartyOf(["正开会呢，不方便接，你稍后再打吧。"])).toBe("patient");
    expect(answeringPartyOf(["正在通话中，等我一下……好了，美白多少钱？"])).toBe("patient");
    expect(answeringPartyOf(["我正忙着呢，有事留言吧……算了你说吧，啥事？", "免费洗牙啊，那我月底去。"])).toBe("patient");
    expect(answeringPartyOf(["你们是不是把时间打错了？我约的是后天上午啊。"])).toBe("patient");
    expect(answeringPartyOf(["不是打错了，是我忘了，帮我重新约个时间吧。"])).toBe("patient");
  });

  it("wrong numbers: a misdial, a denial, a number that is someone else's, no ties to the clinic", () => {
    for (const said of ["错了错了，不是这个号。", "我可不是什么王女士，我是个大老爷们。", "这号是我去年在营业厅新办的，以前谁用的我可不清楚。", "我不认识什么口腔诊所，我从来没在你们那儿看过牙。", "啥？张阿姨？这儿是饭店，没有张阿姨。", "我不是王姐，王姐是我们前一个租户。"])
      expect(answeringPartyOf([said]), said).toBe("wrongNumber");
    // A relative claim asked back is not one.
    expect(answeringPartyOf(["他是我爸爸？不对啊，我爸不姓何，我也不认识什么诊所。"])).toBe("wrongNumber");
  });

  it("the surname the AI asked for: another one, or a bare 「不是」 to it, is a wrong number; a relative says who they are", () => {
    expect(askedSurnameOf(OPENER)).toBe("钱");
    expect(askedSurnameOf("您好，请问是欧阳女士吗？")).toBe("欧阳");
    expect(answeringPartyOf(["我姓林，你们打了好几次了。"], "钱")).toBe("wrongNumber");
    expect(answeringPartyOf(["我姓钱，你说吧。"], "钱")).toBe("patient");
    expect(answeringPartyOf(["不是，我这边是韩家。"], "钱")).toBe("wrongNumber");
    expect(answeringPartyOf(["不是，我是她女儿，我妈明天会去的。"], "钱")).toBe("relative");
    expect(answeringPartyOf(["我是葛先生的爱人，我姓张，他那天要出差。"], "葛")).toBe("relative");
  });

  it("relatives keep the patient's intents; machines and wrong numbers have none and never opt out", () => {
    expect(call("我是她女儿，我妈最近腿脚不好，这次得往后推一推，改个时间。")).toMatchObject({ reached: "relative", intent: "reschedule" });
    expect(call("我是他老伴，他说不去了，你们给取消吧。")).toMatchObject({ reached: "relative", intent: "cancelled" });
    expect(call("您好，机主现在不方便接听，我是他的AI助理，有什么事可以跟我说。", "好的，收到，我会转告他。")).toMatchObject({ reached: "secretary", intent: null, optOut: false });
    expect(call("这号码换主人了，别找了，以后也不要打过来了。")).toMatchObject({ reached: "wrongNumber", intent: null, optOut: true });
  });
});

describe("the learned backstop for who answered", () => {
  const model = trainModel(
    [
      ...["您拨打的号码已失效", "您拨打的号码已过户", "号码已失效请核实"].map((t) => ({ features: partyFeatures([t]), label: "operator", allowed: ["patient", "operator"] })),
      ...["好的我明天去", "我明天到", "行我知道了"].map((t) => ({ features: partyFeatures([t]), label: "patient", allowed: ["patient", "operator"] })),
    ],
    { epochs: 60, minCount: 1, lr: 0.5 },
  );

  it("only turns the rules' 「patient」 into a machine or a wrong number, and only when very sure", () => {
    expect(partyByModel(["号码已失效"], "patient", model).party).toBe("operator");
    expect(partyByModel(["号码已失效"], "relative", model).party).toBe("relative");
    expect(partyByModel(["好的我明天到"], "patient", model).party).toBe("patient");
    expect(partyByModel(["号码已失效"], "patient", null).party).toBe("patient");
  });

  it("never overrules a callee who says who they are, opts out or complains", () => {
    expect(partyByModel(["我是机主，号码已失效"], "patient", model).party).toBe("patient");
    expect(calleePartyOf(["号码已失效，别再给我打电话了"], null, model)).toBe("patient");
  });

  it("ships with the model, and the dialer's 通话状态 reads the same party", () => {
    expect(shippedModel()?.party).toBeTruthy();
    expect(calleePartyOf(["您拨打的电话已关机"], null, shippedModel()?.party)).toBe("operator");
  });
});
