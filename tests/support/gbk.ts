/**
 * GBK encoding for test files (Node has a GBK decoder but no encoder): the table is built by decoding every two-byte
 * GBK code once with the platform's own decoder, so the test files are exactly what Excel in China writes.
 */
let table: Map<string, number[]> | undefined;

export function encodeGbk(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder("gbk", { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = decoder.decode(new Uint8Array([lead, trail]));
          if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
        } catch {
          // not a GBK code
        }
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const gbk = table.get(ch);
      if (!gbk) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...gbk);
    }
  }
  return new Uint8Array(bytes);
}
