import { describe, expect, it } from "vitest";
import { paramKeysIn, renderTemplateText, templateTextForDisplay, tidyPunctuation } from "./render-text";

describe("renderTemplateText", () => {
  it("substitutes parameters and keeps call variables for the call", () => {
    expect(renderTemplateText("您好{patientTitle}，我们有{project}活动", { project: "隐形矫正" })).toBe("您好{patientTitle}，我们有隐形矫正活动");
  });

  it("keeps an optional segment whose parameters have values, without its brackets", () => {
    expect(renderTemplateText("您预约了明天就诊[，就诊项目为{project}]。", { project: "洁牙" })).toBe("您预约了明天就诊，就诊项目为洁牙。");
  });

  it("drops an optional segment when a parameter in it is empty or blank", () => {
    expect(renderTemplateText("您预约了明天就诊[，就诊项目为{project}]。", {})).toBe("您预约了明天就诊。");
    expect(renderTemplateText("您预约了明天就诊[，就诊项目为{project}]。", { project: "  " })).toBe("您预约了明天就诊。");
  });

  it("keeps an optional segment that holds only call variables", () => {
    expect(renderTemplateText("地址是{clinicAddress}[，{clinicShortName}欢迎您]", {})).toBe("地址是{clinicAddress}，{clinicShortName}欢迎您");
  });

  it("substitutes a call variable when a value is given (fixed scripts read the clinic)", () => {
    expect(renderTemplateText("这里是{clinicShortName}", { clinicShortName: "静安店" })).toBe("这里是静安店");
  });

  it("blanks an unknown parameter outside optional segments and tidies the punctuation it leaves", () => {
    expect(renderTemplateText("好的，{offer}，欢迎到店。", {})).toBe("好的，欢迎到店。");
  });

  it("trims values", () => {
    expect(renderTemplateText("项目{p}。", { p: " 洁牙 " })).toBe("项目洁牙。");
  });
});

describe("tidyPunctuation", () => {
  it("collapses doubled commas and a comma before a full stop", () => {
    expect(tidyPunctuation("好的，，再见，。")).toBe("好的，再见。");
  });
});

describe("paramKeysIn", () => {
  it("lists parameters but not call variables", () => {
    expect(paramKeysIn("{patientTitle}您好，{project}[，{offer}]{clinicAddress}")).toEqual(["project", "offer"]);
  });
});

describe("templateTextForDisplay", () => {
  it("names parameters and call variables, without segment brackets", () => {
    expect(templateTextForDisplay("这里是{clinicShortName}[，项目为{project}]。", [{ key: "project", label: "咨询项目" }])).toBe(
      "这里是【诊所简称】，项目为【咨询项目】。",
    );
  });
});
