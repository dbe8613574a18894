/** Characters no operating system accepts in a file name (and control characters) become "_". */
export function safeFileNamePart(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim();
}
