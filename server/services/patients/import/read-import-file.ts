import { CsvReader, detectTextEncoding } from "@/server/domain/patients/import/csv";
import type { ImportCell } from "@/server/domain/patients/import/validate-row";
import { readXlsxRows } from "./read-xlsx";

export type ImportFileKind = "xlsx" | "csv";

export interface FileRow {
  /** The row number Excel shows (1-based). */
  row: number;
  cells: ImportCell[];
}

const CSV_PIECE = 64 * 1024;

/**
 * The file's rows, read as a stream (the whole workbook or text is never built in memory): .xlsx by our own one-pass
 * reader of the first worksheet's XML (read-xlsx.ts; ExcelJS's streaming reader took ~40 s for 100 000 rows); .csv
 * decoded as UTF-8 or GBK. Blank rows are left out.
 */
export async function* readImportFile(bytes: Uint8Array, kind: ImportFileKind): AsyncGenerator<FileRow> {
  if (kind === "csv") {
    yield* readCsv(bytes);
    return;
  }
  for await (const { row, cells } of readXlsxRows(bytes)) {
    if (cells.some((c) => c !== null && c !== "")) yield { row, cells };
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
