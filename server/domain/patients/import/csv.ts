/**
 * A streaming RFC 4180 reader: feed decoded text in any pieces, get back the records completed so far. Quoted fields
 * may hold commas, doubled quotes and line breaks; CRLF and LF both end a record. A blank line is the record `[""]`, so
 * record numbers stay the row numbers Excel shows for the file.
 */
export class CsvReader {
  private field = "";
  private record: string[] = [];
  private inQuotes = false;
  private quoteSeen = false; // a quote inside quotes: either the closing one or the first of a doubled pair
  private lastWasCr = false;

  push(text: string): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.lastWasCr) {
        this.lastWasCr = false;
        if (ch === "\n") continue;
      }
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (ch === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // the quote closed the field; this character is handled below
        } else if (ch === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          this.field += ch;
          continue;
        }
      }
      if (ch === '"' && this.field === "") {
        this.inQuotes = true;
      } else if (ch === ",") {
        this.record.push(this.field);
        this.field = "";
      } else if (ch === "\n" || ch === "\r") {
        this.lastWasCr = ch === "\r";
        this.endRecord(out);
      } else {
        this.field += ch;
      }
    }
    return out;
  }

  /** The last record when the text does not end with a line break. */
  end(): string[][] {
    const out: string[][] = [];
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.inQuotes = false;
    }
    if (this.field !== "" || this.record.length > 0) this.endRecord(out);
    return out;
  }

  private endRecord(out: string[][]) {
    this.record.push(this.field);
    this.field = "";
    const record = this.record;
    this.record = [];
    out.push(record);
  }
}

/**
 * UTF-8 (with or without BOM) or GBK, which is what Excel in China writes: a file whose first bytes are not valid UTF-8
 * is read as GBK. The sample's last incomplete sequence is not held against it.
 */
export function detectTextEncoding(sample: Uint8Array): "utf-8" | "gbk" {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf-8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf-8";
  } catch {
    return "gbk";
  }
}
