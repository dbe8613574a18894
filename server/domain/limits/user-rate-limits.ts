/**
 * Per-user limits on the mutations that cost real money or minutes of work (speech synthesis, the LLM, re-analysis,
 * placing calls, imports, exports): calls per user per minute, generous for a person at the keyboard, small enough
 * that a script or a stolen session cannot run up the bill. docs/security.md lists them.
 */
export const USER_RATE_LIMITS = {
  /** 立即试听: speech synthesis of a fixed script. */
  scriptAudio: 30,
  /** AI 生成话术: one LLM completion each. */
  scriptGenerate: 20,
  /** 重新分析: starts a re-analysis job over a script's calls. */
  reanalyze: 20,
  /** 批量外呼 → 开始: places calls. */
  batchStart: 30,
  /** 导入客户: upload and start of an import. */
  patientImport: 20,
  /** .xlsx exports (客户名单, 短信记录). */
  export: 30,
} as const;

export type RateLimitedAction = keyof typeof USER_RATE_LIMITS;

export const userRateKey = (userId: string, action: RateLimitedAction) => `user:${userId}:${action}`;

export function rateLimitedMessages(action: RateLimitedAction, retryAfterSec: number) {
  const limit = USER_RATE_LIMITS[action];
  return {
    "zh-CN": `操作过于频繁：每人每分钟最多 ${limit} 次，请 ${retryAfterSec} 秒后再试`,
    en: `Too many requests: at most ${limit} per person per minute. Try again in ${retryAfterSec} s.`,
  };
}
