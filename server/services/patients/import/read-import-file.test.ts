import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readImportFile } from "./read-import-file";

async function streamedWorkbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet("患者");
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

describe("readImportFile (.xlsx)", () => {
  it("reads every Chinese cell of a large sheet intact, whatever piece of the stream a character falls on", async () => {
    // ExcelJS's streaming reader broke characters split between two inflated pieces (浦���店): 43 of 100 000 rows.
    const rows = [["姓名", "手机号", "所属诊所", "标签"], ...Array.from({ length: 20_000 }, (_, i) => [`患者${i}`, `15${String(i).padStart(9, "0")}`, ["浦东店", "徐汇店", "静安店"][i % 3]!, "正畸，高意向"])];
    const read: (string | number | null | undefined)[][] = [];
    for await (const r of readImportFile(await streamedWorkbook(rows), "xlsx")) read.push(r.cells);
    expect(read).toHaveLength(rows.length);
    expect(read.filter((cells, i) => JSON.stringify(cells) !== JSON.stringify(rows[i]))).toEqual([]);
  });
});
