import { describe, expect, it } from "vitest";
import { dateStyles, decodeXml, firstSheetPart, parseSharedStrings, serialDateText, SheetRowReader, usesDate1904 } from "./xlsx-sheet";

const ctx = { sharedStrings: ["姓名", "张三 & 李四"], dateStyles: [false, true], date1904: false };

describe("xlsx sheet XML", () => {
  it("reads shared, inline, numeric, date, boolean, error and formula cells by column, rows split across pieces", () => {
    const xml =
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve">手机号 </t></is></c></row>' +
      '<row r="3" spans="1:6"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>13800138000</v></c><c r="C3" s="1"><v>32874</v></c>' +
      '<c r="D3" s="1"><v>46329.4375</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#N/A</v></c><c r="G3" t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c><c r="H3" s="1"/></row>' +
      '<x:row r="4"><x:c r="B4" t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t>文本</x:t></x:r></x:is></x:c></x:row></sheetData>';
    const reader = new SheetRowReader(ctx);
    const rows = [];
    for (let i = 0; i < xml.length; i += 37) rows.push(...reader.push(xml.slice(i, i + 37)));
    rows.push(...reader.end());
    expect(rows).toEqual([
      { row: 1, cells: ["姓名", null, "手机号 "] },
      { row: 3, cells: ["张三 & 李四", 13800138000, "1990-01-01", "2026-11-03 10:30:00", "是", null, "a<b", null] },
      { row: 4, cells: [null, "富文本"] },
    ]);
  });
  it("shared strings: rich runs joined, phonetic runs left out, empty items kept", () => {
    expect(parseSharedStrings('<sst><si><t>a</t></si><si/><si><r><t>富</t></r><r><rPr/><t>文</t></r><rPh><t>ふ</t></rPh></si><si><t>&#x4E2D;&#25991;</t></si></sst>')).toEqual(["a", "", "富文", "中文"]);
  });
  it("dates: built-in and custom date formats; plain numbers and text formats are not dates", () => {
    const styles =
      '<numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00"/><numFmt numFmtId="166" formatCode="[Red]#,##0"/></numFmts>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="49"/><xf numFmtId="166"/></cellXfs>';
    expect(dateStyles(styles)).toEqual([false, true, true, false, false, false]);
    expect([serialDateText(1, false), serialDateText(45658, false), serialDateText(0, true)]).toEqual(["1900-01-01", "2025-01-01", "1904-01-01"]);
    expect([usesDate1904('<workbookPr date1904="1"/>'), usesDate1904("<workbookPr/>")]).toEqual([true, false]);
  });
  it("finds the first sheet in the workbook's order through its relationship", () => {
    const wb = '<sheets><sheet name="患者" sheetId="2" r:id="rId7"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets>';
    const rels = '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Target="/xl/worksheets/sheet2.xml"/></Relationships>';
    expect(firstSheetPart(wb, rels)).toBe("xl/worksheets/sheet2.xml");
    expect(decodeXml("&lt;&amp;&quot;&apos;&gt;")).toBe("<&\"'>");
  });
});
