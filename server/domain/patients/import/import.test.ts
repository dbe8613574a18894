import { describe, expect, it } from "vitest";
import { CsvReader, detectTextEncoding } from "./csv";
import { mappingProblems, suggestMapping } from "./fields";
import { FileDuplicates, importLookups, parseImportDate, validateImportRow } from "./validate-row";

const lookups = importLookups({
  clinics: [
    { id: "c1", name: "微笑口腔（望京店）", shortName: "望京店" },
    { id: "c2", name: "微笑口腔（国贸店）", shortName: "国贸店" },
  ],
  staff: [
    { id: "u1", name: "李咨询" },
    { id: "u2", name: "王芳" },
    { id: "u3", name: "王芳" },
  ],
  today: "2026-12-07",
});

describe("CsvReader", () => {
  it("reads quoted fields, doubled quotes, line breaks in quotes, CRLF, split anywhere", () => {
    const text = '姓名,备注\r\n"张,三","他说""好""\r\n第二行"\r\n\r\n李四,x\n王五,';
    for (let cut = 0; cut < text.length; cut++) {
      const r = new CsvReader();
      const rows = [...r.push(text.slice(0, cut)), ...r.push(text.slice(cut)), ...r.end()];
      expect(rows).toEqual([
        ["姓名", "备注"],
        ["张,三", '他说"好"\r\n第二行'],
        [""],
        ["李四", "x"],
        ["王五", ""],
      ]);
    }
  });
});

describe("detectTextEncoding", () => {
  it("tells UTF-8 (with and without BOM) from GBK", () => {
    expect(detectTextEncoding(new TextEncoder().encode("姓名,手机号"))).toBe("utf-8");
    expect(detectTextEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe("utf-8");
    expect(detectTextEncoding(new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb]))).toBe("gbk"); // 姓名 in GBK
    // a sample cut in the middle of a UTF-8 character is still UTF-8
    expect(detectTextEncoding(new TextEncoder().encode("姓名").slice(0, 4))).toBe("utf-8");
  });
});

describe("suggestMapping", () => {
  it("prefers the remembered header, then aliases, each header once", () => {
    const headers = ["患者姓名", "联系电话", "门诊", "手机号"];
    expect(suggestMapping(headers, { mobile: "联系电话" })).toEqual({ name: "患者姓名", mobile: "联系电话", clinic: "门诊" });
    expect(suggestMapping(headers, null)).toMatchObject({ mobile: "联系电话" });
    expect(suggestMapping(headers, { mobile: "gone" }).mobile).toBe("联系电话");
  });
  it("reports required fields, unknown and doubled headers", () => {
    expect(mappingProblems(["a", "b"], { name: "a", gender: "a", tags: "c" })).toEqual([
      "请为「手机号」选择一列",
      "「a」列不能同时作为「姓名」和「性别」",
      "文件中没有「c」列",
    ]);
  });
});

describe("parseImportDate", () => {
  it.each([
    ["2024-03-08", "2024-03-08", null],
    ["2024/3/8", "2024-03-08", null],
    ["2024.3.8", "2024-03-08", null],
    ["20240308", "2024-03-08", null],
    ["2024年3月8日", "2024-03-08", null],
    ["2024-03-08 14:30", "2024-03-08", "14:30:00"],
    [45359, "2024-03-08", null],
    [45359.5, "2024-03-08", "12:00:00"],
  ] as const)("%s", (input, date, time) => {
    expect(parseImportDate(input)).toEqual({ date, time });
  });
  it.each(["2023-02-29", "2024-13-01", "昨天", "2024-03-08 25:00", "0"])("rejects %s", (input) => {
    expect(parseImportDate(input)).toBeNull();
  });
});

describe("validateImportRow", () => {
  it("maps a good row", () => {
    const r = validateImportRow(2, { name: " 张三 ", mobile: 13800138000, gender: "女", birthday: "1990/5/1", clinic: "望京店", consultant: "李咨询", tags: "种植，高意向", lastVisitAt: "2026-11-02 10:00" }, lookups);
    expect(r).toEqual({
      patient: { row: 2, name: "张三", mobile: "13800138000", gender: "female", birthday: "1990-05-01", clinicId: "c1", consultantId: "u1", onlineConsultantId: null, tags: ["种植", "高意向"], lastVisitAt: "2026-11-02T10:00:00" },
      errors: [],
    });
  });
  it("lists every problem of a bad row by column", () => {
    const r = validateImportRow(7, { name: "", mobile: "1380013800", gender: "x", birthday: "2030-01-01", clinic: "不存在店", consultant: "王芳", onlineConsultant: "无名", lastVisitAt: "abc" }, lookups);
    expect(r.patient).toBeNull();
    expect(r.errors.map((e) => `${e.row}/${e.column}`)).toEqual(["7/姓名", "7/手机号", "7/性别", "7/出生日期", "7/所属诊所", "7/咨询师", "7/网电咨询师", "7/最近到店"]);
    expect(r.errors[5]?.reason).toContain("重名");
  });
  it("needs a clinic unless the company has only one", () => {
    expect(validateImportRow(2, { name: "a", mobile: "13800138000" }, lookups).errors[0]?.column).toBe("所属诊所");
    const one = importLookups({ clinics: [{ id: "only", name: "店", shortName: "" }], staff: [], today: "2026-12-07" });
    expect(validateImportRow(2, { name: "a", mobile: "+86 138-0013-8000" }, one).patient?.clinicId).toBe("only");
  });
  it("reports a mobile seen earlier in the file", () => {
    const d = new FileDuplicates();
    const p = (row: number) => validateImportRow(row, { name: "a", mobile: "13800138000", clinic: "望京店" }, lookups).patient!;
    expect(d.check(p(2))).toBeNull();
    expect(d.check(p(5))).toEqual({ row: 5, column: "手机号", reason: "手机号与第 2 行重复" });
  });
});
