import { describe, expect, it } from "vitest";
import { spreadsheetText } from "./spreadsheet-cell";

describe("spreadsheetText", () => {
  it("prefixes an apostrophe to text a spreadsheet could take for a formula", () => {
    for (const v of ['=HYPERLINK("http://evil.test","点我")', "+86 138", "-1+1", "@SUM(A1)", "\t=1", "\r=1"]) expect(spreadsheetText(v)).toBe(`'${v}`);
  });
  it("leaves ordinary text alone", () => {
    for (const v of ["张三", "138****1234", "", "a=b", "静安店 - 一楼"]) expect(spreadsheetText(v)).toBe(v);
  });
});
