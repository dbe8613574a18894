/**
 * RFC 9457 problem details for /api/v1: `type` names the problem (a stable code under /api/v1/problems), `title` is
 * the problem's short English name, `detail` the message in the requested language, and the `messages` extension carries
 * it in both Chinese and English so a client can show either without asking again.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  messages: { "zh-CN": string; en: string };
  /** For validation problems: the failing fields (JSON path) and their messages. */
  errors?: { path: string; message: string }[];
}

export const PROBLEMS = {
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  notFound: { status: 404, title: "Not Found" },
  validation: { status: 422, title: "Validation Failed" },
  badRequest: { status: 400, title: "Bad Request" },
  conflict: { status: 409, title: "Conflict" },
  idempotencyMismatch: { status: 422, title: "Idempotency Key Reused" },
  rateLimited: { status: 429, title: "Too Many Requests" },
  internal: { status: 500, title: "Internal Server Error" },
} as const;
export type ProblemCode = keyof typeof PROBLEMS;

export function problem(
  code: ProblemCode,
  messages: { "zh-CN": string; en: string },
  locale: "zh-CN" | "en",
  errors?: ProblemDetails["errors"],
): ProblemDetails {
  const { status, title } = PROBLEMS[code];
  return { type: `/api/v1/problems#${code}`, title, status, detail: messages[locale], code, messages, ...(errors ? { errors } : {}) };
}

/** Accept-Language → the language of `detail` (Chinese unless English is preferred). */
export function problemLocale(acceptLanguage: string | null): "zh-CN" | "en" {
  if (!acceptLanguage) return "zh-CN";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}

/** API keys look like `zwk_<prefix 12>_<secret 32>`; the prefix finds the row, the whole key is compared by hash. */
export function parseApiKey(raw: string): { prefix: string } | null {
  const m = /^zwk_([a-z0-9]{12})_([A-Za-z0-9]{32})$/.exec(raw.trim());
  return m ? { prefix: m[1]! } : null;
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m ? m[1]! : null;
}

/** Fixed one-minute windows: the window an instant falls in (ms since epoch → the window's start, ms). */
export function rateWindowStart(epochMs: number): number {
  return epochMs - (epochMs % 60_000);
}

/** Cursor pagination over (updatedAt, id): opaque base64url of both, so a page never skips rows changed at one instant. */
export function encodeCursor(updatedAtIso: string, id: string): string {
  return base64url(`${updatedAtIso}|${id}`);
}

export function decodeCursor(cursor: string): { updatedAt: string; id: string } | null {
  let text: string;
  try {
    text = fromBase64url(cursor);
  } catch {
    return null;
  }
  const [updatedAt, id, extra] = text.split("|");
  if (!updatedAt || !id || extra !== undefined || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(updatedAt)) return null;
  return { updatedAt, id };
}

function base64url(text: string) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(b64: string) {
  const bin = atob(b64.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}
