import { describe, expect, it } from "vitest";
import { checkTaskCreation, type CreationFacts } from "./creation-checks";
import { callTaskReasonLabel } from "./reasons";

const ok: CreationFacts = {
  scriptStatus: "enabled",
  patient: { mobile: "13700001111", hasOwnMobile: true, registered: true },
  clinic: { opened: true, inScript: true },
  requirements: ["clinic", "appointment"],
  has: { appointment: true, deduction: false, visit: false, benefit: false },
};

describe("creation-time checks", () => {
  it("passes a registered patient with a mobile and the data the script speaks about", () => {
    expect(checkTaskCreation(ok)).toBeNull();
  });

  it("gives the seed's reasons, the most basic first", () => {
    expect(checkTaskCreation({ ...ok, scriptStatus: "stopped", patient: { ...ok.patient, mobile: null } })).toBe("scriptStopped");
    expect(checkTaskCreation({ ...ok, patient: { ...ok.patient, mobile: null } })).toBe("noMobile");
    // A number marked 非本人 is shown with the patient: its reason names it, not 「客户暂无手机号」.
    expect(checkTaskCreation({ ...ok, patient: { ...ok.patient, hasOwnMobile: false } })).toBe("mobileNotOwn");
    expect(callTaskReasonLabel(checkTaskCreation({ ...ok, patient: { ...ok.patient, hasOwnMobile: false } }))).toBe("手机号非本人（如家属号码），不外呼");
    expect(checkTaskCreation({ ...ok, patient: { ...ok.patient, mobile: "021-62881266" } })).toBe("invalidMobile");
    expect(checkTaskCreation({ ...ok, patient: { ...ok.patient, registered: false } })).toBe("notRegistered");
    expect(checkTaskCreation({ ...ok, clinic: { opened: false, inScript: true } })).toBe("clinicNotOpened");
    expect(checkTaskCreation({ ...ok, clinic: { opened: true, inScript: false } })).toBe("clinicNotInScript");
    expect(checkTaskCreation({ ...ok, has: { ...ok.has, appointment: false } })).toBe("missingNextAppointment");
  });

  it("checks only what the script's template needs", () => {
    const needsAll: CreationFacts = { ...ok, requirements: ["deduction", "visit", "benefit"], has: { appointment: false, deduction: true, visit: true, benefit: true } };
    expect(checkTaskCreation(needsAll)).toBeNull();
    expect(checkTaskCreation({ ...needsAll, has: { ...needsAll.has, deduction: false } })).toBe("missingLastDeduction");
    expect(checkTaskCreation({ ...needsAll, has: { ...needsAll.has, visit: false } })).toBe("missingLastVisit");
    expect(checkTaskCreation({ ...needsAll, has: { ...needsAll.has, benefit: false } })).toBe("missingExpiringBenefit");
    expect(checkTaskCreation({ ...ok, requirements: [], has: { appointment: false, deduction: false, visit: false, benefit: false } })).toBeNull();
  });

  it("a paused script still accepts tasks", () => {
    expect(checkTaskCreation({ ...ok, scriptStatus: "paused" })).toBeNull();
  });

  it("words each reason once, with the roster's wording for a missing appointment", () => {
    expect(callTaskReasonLabel("missingLastDeduction")).toBe("缺少最近一次执行划扣信息");
    expect(callTaskReasonLabel("missingNextAppointment")).toBe("缺少下次预约信息");
    expect(callTaskReasonLabel("missingNextAppointment", "zh-CN", "roster")).toBe("客户未找到预约信息");
    expect(callTaskReasonLabel("noMobile", "zh-CN", "roster")).toBe("客户暂无手机号");
    expect(callTaskReasonLabel("scriptStopped", "en")).toBe("Script stopped");
    expect(callTaskReasonLabel("vendor-E42")).toBe("vendor-E42");
    expect(callTaskReasonLabel(null)).toBeNull();
  });
});
