import { describe, expect, it } from "vitest";
import { callVariablesIn, dataRequirementsOf, fillCallVariables, fromEditableText, toEditableText } from "./call-variables";

describe("call variables", () => {
  it("round-trips between code keys and the labels people type", () => {
    const text = "您好{patientTitle}，这里是{clinicShortName}，{unknown}不动";
    const editable = toEditableText(text);
    expect(editable).toBe("您好{患者称呼}，这里是{诊所简称}，{unknown}不动");
    expect(fromEditableText(editable)).toBe(text);
    expect(fromEditableText("{clinicAddress}")).toBe("{clinicAddress}");
  });

  it("fills known variables and leaves the rest", () => {
    expect(fillCallVariables("{patientTitle}您好，{clinicShortName}{offer}", { patientTitle: "王女士" })).toBe("王女士您好，{clinicShortName}{offer}");
  });

  it("lists variables in order and derives what data a call needs", () => {
    expect(callVariablesIn("{appointmentTime}{clinicShortName}{appointmentTime}{x}")).toEqual(["appointmentTime", "clinicShortName"]);
    expect(dataRequirementsOf(["{patientTitle}", "{appointmentTime} {benefitName}", "{clinicAddress}"]).sort()).toEqual(["appointment", "benefit", "clinic"]);
  });
});
