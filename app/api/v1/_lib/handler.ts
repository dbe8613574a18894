import type { z } from "zod";
import { prisma } from "@/server/db/client";
import { bearerToken, problem, problemLocale } from "@/server/domain/api/problem";
import { authenticateApiKey, rememberIdempotent, replayIdempotent } from "@/server/services/api/api-keys";
import { ApiProblem, apiProblemOf } from "@/server/services/api/api-problem";
import { AppError } from "@/server/errors";
import type { ApiContext } from "@/server/services/api/v1/context";
import { API_OPERATIONS } from "@/server/services/api/v1/openapi";

type Result = { status: number; body: unknown };

const HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

function problemResponse(error: ApiProblem, request: Request) {
  const body = problem(error.code, error.messages, problemLocale(request.headers.get("accept-language")), error.errors);
  return Response.json(body, {
    status: body.status,
    headers: { ...HEADERS, "Content-Type": "application/problem+json", ...(error.retryAfterSec ? { "Retry-After": String(error.retryAfterSec) } : {}) },
  });
}

function validationProblem(error: z.ZodError) {
  return new ApiProblem(
    "validation",
    { "zh-CN": "请求内容不符合要求，详见 errors", en: "The request is invalid; see errors." },
    error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  );
}

/**
 * One /api/v1 operation (from API_OPERATIONS, the same list the OpenAPI document is built from): the key and its scope,
 * the per-key rate limit, the body or query validated by the operation's zod schema, Idempotency-Key on POST, and every
 * refusal as RFC 9457 problem details.
 */
export function apiHandler(operationId: string, run: (ctx: ApiContext, input: unknown, params: Record<string, string>) => Promise<Result>) {
  const op = API_OPERATIONS.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`unknown operation ${operationId}`);
  return async (request: Request, context: { params: Promise<Record<string, string>> }) => {
    try {
      const now = new Date();
      const caller = await authenticateApiKey(prisma, bearerToken(request.headers.get("authorization")), op.scope, now);
      const ctx: ApiContext = { db: prisma, caller, now };
      const params = (await context.params) ?? {};
      let input: unknown = undefined;
      let raw = "";
      if (op.body) {
        raw = await request.text();
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch {
          throw new ApiProblem("badRequest", { "zh-CN": "请求体不是有效的 JSON", en: "The body is not valid JSON." });
        }
        const parsed = op.body.safeParse(json);
        if (!parsed.success) throw validationProblem(parsed.error);
        input = parsed.data;
      } else if (op.query) {
        const parsed = op.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
        if (!parsed.success) throw validationProblem(parsed.error);
        input = parsed.data;
      }
      const idempotencyKey = op.method === "post" ? request.headers.get("idempotency-key") : null;
      if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
        throw new ApiProblem("badRequest", { "zh-CN": "Idempotency-Key 长度应为 1–200", en: "Idempotency-Key must be 1–200 characters." });
      }
      if (idempotencyKey) {
        const replay = await replayIdempotent(prisma, caller.apiKeyId, idempotencyKey, raw);
        if (replay) return Response.json(replay.body, { status: replay.status, headers: { ...HEADERS, "Idempotent-Replayed": "true" } });
      }
      const result = await run(ctx, input, params);
      if (idempotencyKey) await rememberIdempotent(prisma, caller.apiKeyId, idempotencyKey, raw, result.status, result.body);
      return Response.json(result.body, { status: result.status, headers: HEADERS });
    } catch (error) {
      if (error instanceof ApiProblem) return problemResponse(error, request);
      if (error instanceof AppError) return problemResponse(apiProblemOf(error), request);
      console.error("[api/v1]", error);
      return problemResponse(new ApiProblem("internal", { "zh-CN": "服务器内部错误，请稍后重试", en: "Internal error; try again later." }), request);
    }
  };
}
