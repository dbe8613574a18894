import type { ProblemCode, ProblemDetails } from "@/server/domain/api/problem";
import { AppError } from "@/server/errors";

/** A refusal of /api/v1 with its message in both languages (route handlers turn it into problem details). */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly messages: { "zh-CN": string; en: string },
    readonly errors?: ProblemDetails["errors"],
    readonly retryAfterSec?: number,
  ) {
    super(messages.en);
    this.name = "ApiProblem";
  }
}

const FROM_APP: Record<AppError["code"], { code: ProblemCode; en: string }> = {
  UNAUTHORIZED: { code: "unauthorized", en: "Not authenticated." },
  FORBIDDEN: { code: "forbidden", en: "Not allowed." },
  NOT_FOUND: { code: "notFound", en: "Not found, or not visible to this key." },
  BAD_REQUEST: { code: "badRequest", en: "The request was refused; see messages.zh-CN for the reason." },
  CONFLICT: { code: "conflict", en: "The request conflicts with the current state." },
  TOO_MANY_REQUESTS: { code: "rateLimited", en: "Too many requests; try again later." },
  BAD_GATEWAY: { code: "internal", en: "An outside service failed; try again later." },
};

/** A shared service's AppError (zh-CN only) as a problem: its message in Chinese, the code's English meaning. */
export function apiProblemOf(error: AppError): ApiProblem {
  const m = FROM_APP[error.code];
  return new ApiProblem(m.code, { "zh-CN": error.message, en: error.extra.en ?? m.en }, undefined, error.extra.retryAfterSec);
}
