/** Bidirectional-text controls: U+202E in 「张三\u202Egpj.exe」 shows the name reversed, hiding what the file is. */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Characters no operating system accepts in a file name (and control characters) become "_"; bidi controls go. */
export function safeFileNamePart(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(BIDI_CONTROLS, "").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim();
}
