/**
 * A last line of defence in front of every tRPC procedure (server/trpc/init.ts): text no form can produce. PostgreSQL
 * refuses a NUL byte in text (error 22021), so before this an id like "a\u0000b" surfaced as a 500 naming the Prisma
 * call; other C0 control characters (tab, line feeds and carriage returns aside) have no business in any field either.
 */
export const MAX_INPUT_STRING = 100_000;
const MAX_DEPTH = 32;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** The zh-CN problem with a request's input, or null when every string in it is acceptable. */
export function untrustedInputProblem(value: unknown, depth = 0): string | null {
  if (typeof value === "string") {
    if (CONTROL.test(value)) return "输入包含不允许的控制字符";
    if (value.length > MAX_INPUT_STRING) return "输入内容过长";
    return null;
  }
  if (value === null || typeof value !== "object") return null;
  if (depth > MAX_DEPTH) return "输入嵌套层级过深";
  const items = Array.isArray(value) ? value : value instanceof Date ? [] : Object.entries(value).flat();
  for (const item of items) {
    const problem = untrustedInputProblem(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** True when a route parameter (an id, a hash) is plain printable text of sane length. */
export function isPlainParam(value: string, max = 200): boolean {
  return value.length > 0 && value.length <= max && !CONTROL.test(value) && !value.includes("\u007F");
}
