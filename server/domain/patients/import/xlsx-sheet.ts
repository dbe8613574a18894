import type { ImportCell } from "./validate-row";

/**
 * The parts of an .xlsx (SpreadsheetML) the import needs, read straight from the XML text: the first sheet's cells, its
 * shared strings, which styles are dates, and whether the workbook counts days from 1904. One pass over the sheet with
 * a few regular expressions is several times faster than a general workbook model (issue 28: 100 000 rows < 60 s).
 * Element names may carry a namespace prefix (x:row), as some generators write them.
 */

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e]!,
  );
}

const ATTRS = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  return re.exec(attrs)?.[1];
}

/** The text of a string item (<si> or <is>): its <t> runs joined, phonetic runs (<rPh>) left out. */
function runText(xml: string): string {
  const plain = xml.includes("rPh") ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : xml;
  let out = "";
  for (const m of plain.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return decodeXml(out);
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(m[1] ? runText(m[1]) : "");
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** A number format code shows a date or time when it has y/m/d/h/s outside quoted text, [colors] and escapes. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  return /[ymdhs]/i.test(bare) && !/^[#0.,%E+\-\s]*$/i.test(bare);
}

/** Per cell style index (the `s` of a cell): whether its number is a date. */
export function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = attr(m[1]!, "numFmtId");
    const code = attr(m[1]!, "formatCode");
    if (id !== undefined && code !== undefined) custom.set(Number(id), decodeXml(code));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? "";
  const out: boolean[] = [];
  for (const m of cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    const id = Number(attr(m[1]!, "numFmtId") ?? 0);
    out.push(BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!)));
  }
  return out;
}

/** workbook.xml's <workbookPr date1904="1">: serial dates count from 1904-01-01. */
export function usesDate1904(workbookXml: string): boolean {
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbookXml)?.[1] ?? "";
  const v = attr(pr, "date1904");
  return v === "1" || v === "true";
}

/** The first sheet in the workbook's order → its part name (e.g. xl/worksheets/sheet1.xml), or null. */
export function firstSheetPart(workbookXml: string, workbookRelsXml: string): string | null {
  const sheet = /<(?:\w+:)?sheet\b([^>]*)>/.exec(workbookXml)?.[1];
  const rid = sheet ? /(?:^|\s)r:id="([^"]*)"/.exec(sheet)?.[1] ?? attr(sheet, "[\\w]+:id") : undefined;
  if (!rid) return null;
  for (const m of workbookRelsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    if (attr(m[1]!, "Id") !== rid) continue;
    const target = attr(m[1]!, "Target");
    if (!target) return null;
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, "/");
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An Excel serial date → "YYYY-MM-DD" (midnight) or "YYYY-MM-DD HH:mm:ss", the wall time the cell shows. */
export function serialDateText(serial: number, date1904: boolean): string {
  // Excel's 1900 system counts a 29 February 1900 that never was: serials before 1 March 1900 are one day early.
  const days = date1904 ? serial - 24107 : serial - 25569 + (serial < 61 ? 1 : 0);
  const ms = Math.round(days * 86_400) * 1000;
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return seconds === 0 ? date : `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const ROW_END = /<\/(?:\w+:)?row>|<(?:\w+:)?row\b[^>]*\/>/g;

function cellOf(attrs: string, body: string | undefined, ctx: SheetContext): ImportCell {
  const type = attr(attrs, "t");
  if (type === "inlineStr") return body ? runText(body) : null;
  const raw = body ? VALUE.exec(body)?.[1] : undefined;
  if (raw === undefined) return null;
  switch (type) {
    case "s":
      return ctx.sharedStrings[Number(raw)] ?? null;
    case "str":
      return decodeXml(raw);
    case "b":
      return raw === "1" || raw === "true" ? "是" : "否";
    case "e":
      return null;
    case "d":
      return decodeXml(raw).replace("T", " ").replace(/(?: 00:00:00(?:\.0+)?)?Z?$/, "");
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n)) return decodeXml(raw);
      const style = attr(attrs, "s");
      return style !== undefined && ctx.dateStyles[Number(style)] ? serialDateText(n, ctx.date1904) : n;
    }
  }
}

/**
 * The sheet's rows as its XML arrives in pieces (push), each with the row number Excel shows and its cells by column
 * (a missing cell is null). Only whole rows are parsed; the rest waits for the next piece, so memory stays one piece.
 */
export class SheetRowReader {
  private pending = "";
  private nextRow = 1;

  constructor(private readonly ctx: SheetContext) {}

  *push(text: string): Generator<{ row: number; cells: ImportCell[] }> {
    this.pending += text;
    let end = -1;
    ROW_END.lastIndex = 0;
    for (let m = ROW_END.exec(this.pending); m; m = ROW_END.exec(this.pending)) end = m.index + m[0].length;
    if (end < 0) return;
    const whole = this.pending.slice(0, end);
    this.pending = this.pending.slice(end);
    yield* this.rows(whole);
  }

  *end(): Generator<{ row: number; cells: ImportCell[] }> {
    const rest = this.pending;
    this.pending = "";
    yield* this.rows(rest);
  }

  private *rows(xml: string): Generator<{ row: number; cells: ImportCell[] }> {
    for (const r of xml.matchAll(ROW)) {
      const number = Number(attr(r[1]!, "r") ?? this.nextRow);
      this.nextRow = number + 1;
      const cells: ImportCell[] = [];
      if (r[2]) {
        let next = 0;
        for (const c of r[2].matchAll(CELL)) {
          const ref = attr(c[1]!, "r");
          const index = ref ? columnIndex(ref) : next;
          next = index + 1;
          while (cells.length < index) cells.push(null);
          cells[index] = cellOf(c[1]!, c[2], this.ctx);
        }
      }
      yield { row: number, cells };
    }
  }
}
