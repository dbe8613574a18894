import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { parseApiKey } from "@/server/domain/api/problem";
import { countInWindow } from "@/server/services/limits/count-in-window";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { ApiProblem } from "./api-problem";

/** Requests per key per minute. */
export const API_RATE_LIMIT = 120;
const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const randomText = (n: number, alphabet: string) => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join("");

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "请填写名称").max(50, "名称最多 50 个字"),
  scopes: z.array(z.enum(["read", "write"])).min(1, "请至少选择一项权限"),
});

/** 开放接口 → 新建密钥: the whole key is returned this once; only its SHA-256 is stored. */
export async function createApiKey(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof createApiKeyInput>) {
  const input = createApiKeyInput.parse(raw);
  const prefix = randomText(12, "abcdefghijklmnopqrstuvwxyz0123456789");
  const key = `zwk_${prefix}_${randomText(32, ALPHANUM)}`;
  const row = await db.apiKey.create({
    data: { companyId: scope.companyId, name: input.name, prefix, secretHash: sha256(key), scopes: [...new Set(input.scopes)], createdById: viewer.userId },
  });
  await writeAuditLog(db, { companyId: scope.companyId, actorId: viewer.userId, action: "apiKey.create", targetType: "ApiKey", targetId: row.id, data: { name: row.name, scopes: row.scopes } });
  return { id: row.id, name: row.name, prefix, scopes: row.scopes, key };
}

export async function listApiKeys(db: Tx, scope: Scope) {
  return db.apiKey.findMany({
    where: { companyId: scope.companyId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export const revokeApiKeyInput = z.object({ id: z.string().min(1) });

export async function revokeApiKey(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof revokeApiKeyInput>) {
  const { id } = revokeApiKeyInput.parse(raw);
  const key = await db.apiKey.findFirst({ where: { id, companyId: scope.companyId } });
  if (!key) throw AppError.notFound("密钥");
  if (!key.revokedAt) {
    await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAuditLog(db, { companyId: scope.companyId, actorId: viewer.userId, action: "apiKey.revoke", targetType: "ApiKey", targetId: id });
  }
  return { id };
}

export interface ApiCaller {
  apiKeyId: string;
  companyId: string;
  createdById: string | null;
  scopes: string[];
}

/**
 * The key of a /api/v1 request: found by its prefix, compared by hash in constant time, not revoked, holding the scope
 * (write implies read). Counts the request in the key's minute window in PostgreSQL (shared by every instance) and
 * refuses past API_RATE_LIMIT. last-used is written at most once a minute.
 */
export async function authenticateApiKey(db: PrismaClient, token: string | null, needed: "read" | "write", now: Date): Promise<ApiCaller> {
  const unauthorized = new ApiProblem("unauthorized", {
    "zh-CN": "缺少或无效的 API 密钥（请求头 Authorization: Bearer <密钥>）",
    en: "Missing or invalid API key (header Authorization: Bearer <key>).",
  });
  const parsed = token ? parseApiKey(token) : null;
  if (!token || !parsed) throw unauthorized;
  const key = await db.apiKey.findUnique({ where: { prefix: parsed.prefix } });
  const given = Buffer.from(sha256(token), "hex");
  if (!key || !timingSafeEqual(given, Buffer.from(key.secretHash, "hex"))) throw unauthorized;
  if (key.revokedAt) throw new ApiProblem("unauthorized", { "zh-CN": "该 API 密钥已被吊销", en: "This API key has been revoked." });
  const scopes = key.scopes.includes("write") ? [...new Set([...key.scopes, "read"])] : key.scopes;
  if (!scopes.includes(needed)) {
    throw new ApiProblem("forbidden", { "zh-CN": `该密钥没有「${needed === "write" ? "写入" : "读取"}」权限`, en: `This key lacks the ${needed} scope.` });
  }
  const { count, retryAfterSec } = await countInWindow(db, `apiKey:${key.id}`, now);
  if (count > API_RATE_LIMIT) {
    throw new ApiProblem(
      "rateLimited",
      { "zh-CN": `请求过于频繁：每个密钥每分钟最多 ${API_RATE_LIMIT} 次`, en: `Rate limit exceeded: ${API_RATE_LIMIT} requests per minute per key.` },
      undefined,
      retryAfterSec,
    );
  }
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { apiKeyId: key.id, companyId: key.companyId, createdById: key.createdById, scopes };
}

/** Idempotency-Key of a POST: the stored answer of the first request, or null; a different body under the key is refused. */
export async function replayIdempotent(db: Tx, apiKeyId: string, key: string, requestBody: string) {
  const found = await db.apiIdempotency.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
  if (!found) return null;
  if (found.requestHash !== sha256(requestBody)) {
    throw new ApiProblem("idempotencyMismatch", {
      "zh-CN": "该 Idempotency-Key 已用于另一个不同的请求",
      en: "This Idempotency-Key was already used for a different request.",
    });
  }
  return { status: found.status, body: found.body };
}

export async function rememberIdempotent(db: Tx, apiKeyId: string, key: string, requestBody: string, status: number, body: unknown) {
  await db.apiIdempotency.upsert({
    where: { apiKeyId_key: { apiKeyId, key } },
    create: { apiKeyId, key, requestHash: sha256(requestBody), status, body: body as object },
    update: {},
  });
  await db.apiIdempotency.deleteMany({ where: { apiKeyId, createdAt: { lt: new Date(Date.now() - 86_400_000) } } });
}
