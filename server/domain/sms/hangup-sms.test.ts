import { describe, expect, it } from "vitest";
import { decideHangupSms, renderSms, smsPlaceholderValues } from "./hangup-sms";

const answered = { id: "t-a", content: "【{诊所简称}】感谢接听", status: "approved" };
const unanswered = { id: "t-u", content: "【{诊所简称}】刚才未能接通", status: "approved" };
const base = { enabled: true, answered, unanswered, redialPending: false, outreachAlreadyTexted: false };

describe("decideHangupSms", () => {
  it("sends the answered template after an answered call, the unanswered one otherwise", () => {
    expect(decideHangupSms({ ...base, outcome: "answered" })).toMatchObject({ send: true, kind: "answered", templateId: "t-a" });
    for (const outcome of ["noAnswer", "busy", "rejected", "poweredOff", "failed"]) {
      expect(decideHangupSms({ ...base, outcome })).toMatchObject({ send: true, kind: "unanswered", templateId: "t-u" });
    }
  });

  it("never sends to 停机 or 空号, nor after a call we cancelled", () => {
    expect(decideHangupSms({ ...base, outcome: "suspended" })).toEqual({ send: false, reason: "noSmsForOutcome" });
    expect(decideHangupSms({ ...base, outcome: "emptyNumber" })).toEqual({ send: false, reason: "noSmsForOutcome" });
    expect(decideHangupSms({ ...base, outcome: "failed", carrierOutcome: "cancelled" })).toEqual({ send: false, reason: "noSmsForOutcome" });
    // A wrong number is someone else's phone; a voicemail is the patient's, told as unanswered.
    expect(decideHangupSms({ ...base, outcome: "wrongNumber", carrierOutcome: "answered" })).toEqual({ send: false, reason: "noSmsForOutcome" });
    expect(decideHangupSms({ ...base, outcome: "voicemail", carrierOutcome: "answered" })).toMatchObject({ send: true, kind: "unanswered" });
  });

  it("sends nothing when disabled, without a template, or with one no longer approved", () => {
    expect(decideHangupSms({ ...base, enabled: false, outcome: "answered" })).toEqual({ send: false, reason: "disabled" });
    expect(decideHangupSms({ ...base, unanswered: null, outcome: "busy" })).toEqual({ send: false, reason: "noTemplate" });
    expect(decideHangupSms({ ...base, answered: { ...answered, status: "rejected" }, outcome: "answered" })).toEqual({
      send: false,
      reason: "templateNotApproved",
    });
  });
});

describe("decideHangupSms: one message per outreach", () => {
  it("waits for the last attempt of an unanswered outreach, and texts at once on an answer", () => {
    // 08:00 no answer, redial in 30 min: nothing yet; the redial, the last attempt, no answer: 「未能接通」 once.
    expect(decideHangupSms({ ...base, outcome: "noAnswer", redialPending: true })).toEqual({ send: false, reason: "redialPending" });
    expect(decideHangupSms({ ...base, outcome: "noAnswer" })).toMatchObject({ send: true, kind: "unanswered" });
    // An answer ends the outreach; its template goes even if an earlier attempt was unanswered.
    expect(decideHangupSms({ ...base, outcome: "answered", redialPending: true })).toMatchObject({ send: true, kind: "answered" });
  });

  it("never sends a second message in one outreach", () => {
    for (const outcome of ["answered", "noAnswer", "busy"]) {
      expect(decideHangupSms({ ...base, outcome, outreachAlreadyTexted: true })).toEqual({ send: false, reason: "outreachAlreadyTexted" });
    }
  });

  it("sends at most once over any sequence of attempts of one outreach", () => {
    const outcomes = ["noAnswer", "busy", "rejected", "poweredOff", "answered"];
    for (let mask = 0; mask < 5 ** 4; mask++) {
      const seq = [0, 1, 2, 3].map((i) => outcomes[Math.floor(mask / 5 ** i) % 5]!);
      const stop = seq.indexOf("answered");
      const attempts = stop === -1 ? seq : seq.slice(0, stop + 1);
      let sent = 0;
      attempts.forEach((outcome, i) => {
        const d = decideHangupSms({ ...base, outcome, redialPending: i < attempts.length - 1 && outcome !== "answered", outreachAlreadyTexted: sent > 0 });
        if (d.send) sent += 1;
      });
      expect(sent).toBe(1);
    }
  });
});

describe("renderSms", () => {
  it("fills Chinese and English placeholders and leaves out unknown ones", () => {
    const values = smsPlaceholderValues(
      { clinicShortName: "静安店", clinicAddress: "南京西路1266号", appointmentTime: "明天上午10:00", patientTitle: "王女士" },
      { patientName: "王芳", clinicPhone: "021-62881266" },
    );
    expect(renderSms("【{诊所简称}】{患者称呼}您好，您预约的{时间}到店，请前往{clinicAddress}。{门店电话}{未知}", values)).toEqual({
      text: "【静安店】王女士您好，您预约的明天上午10:00到店，请前往南京西路1266号。021-62881266",
      missing: ["未知"],
    });
  });
});

describe("smsTemplateParams (template-only providers)", () => {
  it("lists the placeholder values in the order they appear, empty when missing", async () => {
    const { smsTemplateParams } = await import("./hangup-sms");
    expect(smsTemplateParams("【{诊所简称}】{患者姓名}您好，请于{时间}到店，{未知}", { 诊所简称: "静安店", 患者姓名: "张三", 时间: "明天 10:00" })).toEqual([
      "静安店",
      "张三",
      "明天 10:00",
      "",
    ]);
  });
});
