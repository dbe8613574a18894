import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { CsvReader, detectTextEncoding } from "@/server/domain/patients/import/csv";
import type { ImportCell } from "@/server/domain/patients/import/validate-row";

export type ImportFileKind = "xlsx" | "csv";

export interface FileRow {
  /** The row number Excel shows (1-based). */
  row: number;
  cells: ImportCell[];
}

const CSV_PIECE = 64 * 1024;

/**
 * The file's rows, read as a stream (the whole workbook or text is never built in memory): .xlsx through ExcelJS's
 * streaming reader, first worksheet only; .csv decoded as UTF-8 or GBK. Blank rows are left out.
 */
export async function* readImportFile(bytes: Uint8Array, kind: ImportFileKind): AsyncGenerator<FileRow> {
  if (kind === "csv") {
    yield* readCsv(bytes);
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache", // dates are recognised by their number format
    hyperlinks: "ignore",
    entries: "emit",
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      const cells: ImportCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
      if (cells.some((c) => c !== null && c !== "")) yield { row: row.number, cells };
    }
    break;
  }
}

function* csvRecords(reader: CsvReader, decoder: TextDecoder, piece: Uint8Array | null): Generator<string[]> {
  const text = piece ? decoder.decode(piece, { stream: true }) : decoder.decode();
  yield* reader.push(text);
  if (!piece) yield* reader.end();
}

async function* readCsv(bytes: Uint8Array): AsyncGenerator<FileRow> {
  const encoding = detectTextEncoding(bytes.subarray(0, CSV_PIECE));
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  const reader = new CsvReader();
  let row = 0;
  for (let offset = 0; ; offset += CSV_PIECE) {
    const piece = offset < bytes.length ? bytes.subarray(offset, offset + CSV_PIECE) : null; // null: the end
    for (const record of csvRecords(reader, decoder, piece)) {
      row += 1;
      if (record.some((c) => c.trim() !== "")) yield { row, cells: record };
    }
    if (!piece) break;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/** ExcelJS cell values → text or number. Dates are the cell's wall time (ExcelJS hands them over as UTC). */
function cellValue(value: unknown): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const seconds = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
    return seconds === 0 ? date : `${date} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellValue(v.result);
    if (typeof v.text === "string") return v.text;
    if (v.error) return null;
  }
  return String(value);
}

/** Header cells → unique column names (an empty header becomes 列N, a repeated one gets (2), (3) …). */
export function headerNames(cells: readonly ImportCell[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = (cell === null || cell === undefined ? "" : String(cell).trim()) || `列${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}(${n})`;
  });
}
