import { describe, expect, it } from "vitest";
import { checkParams, clinicParamKeys, defaultParams } from "./params";
import type { TemplateParam } from "./template-types";

const schema: TemplateParam[] = [
  { key: "project", label: "咨询项目", required: true, kind: "select", options: ["隐形矫正", "种植牙"], defaultValue: "隐形矫正" },
  { key: "offer", label: "活动优惠", required: false, kind: "text", maxLength: 5 },
  { key: "clinic", label: "门店参数", required: true, kind: "clinic" },
  { key: "note", label: "备注", required: true, kind: "textarea" },
];

describe("checkParams", () => {
  it("asks for every required parameter, with select/clinic worded as a choice", () => {
    const { errors } = checkParams(schema, {});
    expect(errors).toEqual({ project: "请选择咨询项目", clinic: "请选择门店参数", note: "请填写备注" });
  });

  it("accepts trimmed values, drops unknown keys and empty optional ones", () => {
    const res = checkParams(schema, { project: "种植牙", offer: " ", clinic: "c1", note: " 注意 ", extra: "x" });
    expect(res.errors).toEqual({});
    expect(res.values).toEqual({ project: "种植牙", clinic: "c1", note: "注意" });
  });

  it("refuses a value that is not one of a select's options", () => {
    expect(checkParams(schema, { project: "洁牙", clinic: "c", note: "n" }).errors).toEqual({ project: "咨询项目的选项无效" });
  });

  it("counts characters, not UTF-16 units, against maxLength", () => {
    expect(checkParams(schema, { project: "种植牙", clinic: "c", note: "n", offer: "😀😀😀😀😀" }).errors).toEqual({});
    expect(checkParams(schema, { project: "种植牙", clinic: "c", note: "n", offer: "一二三四五六" }).errors).toEqual({ offer: "活动优惠最多 5 个字" });
  });

  it("treats non-string input as empty", () => {
    expect(checkParams(schema, { project: 3, clinic: null, note: ["x"] }).errors).toHaveProperty("project");
  });
});

describe("defaultParams / clinicParamKeys", () => {
  it("starts from the defaults and finds the 门店参数", () => {
    expect(defaultParams(schema)).toEqual({ project: "隐形矫正" });
    expect(clinicParamKeys(schema)).toEqual(["clinic"]);
  });
});
