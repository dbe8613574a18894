import { createInflateRaw, inflateRawSync } from "node:zlib";
import { Readable } from "node:stream";
import type { ImportCell } from "@/server/domain/patients/import/validate-row";
import { dateStyles, firstSheetPart, parseSharedStrings, SheetRowReader, usesDate1904 } from "@/server/domain/patients/import/xlsx-sheet";

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The zip's central directory (an .xlsx is a zip): entry names, compression and where each one's data starts. */
function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file");
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    // Zip64: the end-of-central-directory locator points at the 64-bit record.
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== 0x07064b50) throw new Error("bad zip64 file");
    const record = Number(buf.readBigUInt64LE(locator + 8));
    count = Number(buf.readBigUInt64LE(record + 32));
    offset = Number(buf.readBigUInt64LE(record + 48));
  }
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(offset) !== 0x02014b50) throw new Error("bad zip directory");
    const method = buf.readUInt16LE(offset + 10);
    let compressedSize = buf.readUInt32LE(offset + 20);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    let localOffset = buf.readUInt32LE(offset + 42);
    const name = buf.toString("utf8", offset + 46, offset + 46 + nameLength);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extra field (id 1): uncompressed, compressed size, local header offset — each present only when saturated.
      const uncompressedSaturated = buf.readUInt32LE(offset + 24) === 0xffffffff;
      for (let e = offset + 46 + nameLength; e < offset + 46 + nameLength + extraLength; ) {
        const id = buf.readUInt16LE(e);
        const size = buf.readUInt16LE(e + 2);
        if (id === 1) {
          let p = e + 4;
          if (uncompressedSaturated) p += 8;
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(buf.readBigUInt64LE(p));
            p += 8;
          }
          if (localOffset === 0xffffffff) localOffset = Number(buf.readBigUInt64LE(p));
        }
        e += 4 + size;
      }
    }
    entries.set(name.replace(/\\/g, "/"), { name, method, compressedSize, localOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(buf: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (buf.readUInt32LE(at) !== 0x04034b50) throw new Error("bad zip entry");
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  return buf.subarray(start, start + entry.compressedSize);
}

function entryText(buf: Buffer, entries: Map<string, ZipEntry>, name: string): string | null {
  const entry = entries.get(name);
  if (!entry) return null;
  const data = entryData(buf, entry);
  return (entry.method === 0 ? data : inflateRawSync(data)).toString("utf8");
}

/** An entry inflated as a stream of text pieces (the sheet can be tens of MB of XML; it is never held whole). */
async function* entryPieces(buf: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const data = entryData(buf, entry);
  const decoder = new TextDecoder("utf-8");
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += 256 * 1024) yield decoder.decode(data.subarray(i, i + 256 * 1024), { stream: true });
    return;
  }
  const inflate = Readable.from([data], { objectMode: false }).pipe(createInflateRaw({ chunkSize: 256 * 1024 }));
  for await (const chunk of inflate as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

/**
 * The first worksheet's rows of an .xlsx, in one streaming pass: shared strings and styles are read first (small), the
 * sheet is inflated piece by piece and parsed a whole row at a time (server/domain/patients/import/xlsx-sheet.ts).
 */
export async function* readXlsxRows(bytes: Uint8Array): AsyncGenerator<{ row: number; cells: ImportCell[] }> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipEntries(buf);
  const workbook = entryText(buf, entries, "xl/workbook.xml");
  if (workbook === null) throw new Error("no workbook in this file");
  const part =
    firstSheetPart(workbook, entryText(buf, entries, "xl/_rels/workbook.xml.rels") ?? "") ??
    [...entries.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort((a, b) => a.localeCompare(b, "en", { numeric: true }))[0];
  const sheet = part ? entries.get(part) : undefined;
  if (!sheet) throw new Error("no worksheet in this file");
  const reader = new SheetRowReader({
    sharedStrings: parseSharedStrings(entryText(buf, entries, "xl/sharedStrings.xml") ?? ""),
    dateStyles: dateStyles(entryText(buf, entries, "xl/styles.xml") ?? ""),
    date1904: usesDate1904(workbook),
  });
  for await (const piece of entryPieces(buf, sheet)) yield* reader.push(piece);
  yield* reader.end();
}
