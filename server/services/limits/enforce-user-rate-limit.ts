import type { Tx } from "@/server/db/create-client";
import { rateLimitedMessages, USER_RATE_LIMITS, userRateKey, type RateLimitedAction } from "@/server/domain/limits/user-rate-limits";
import { AppError } from "@/server/errors";
import { countInWindow } from "./count-in-window";

/** Counts one expensive call of the user and refuses it (TOO_MANY_REQUESTS) past the action's per-minute limit. */
export async function enforceUserRateLimit(db: Tx, userId: string, action: RateLimitedAction, now: Date): Promise<void> {
  const { count, retryAfterSec } = await countInWindow(db, userRateKey(userId, action), now);
  if (count <= USER_RATE_LIMITS[action]) return;
  const messages = rateLimitedMessages(action, retryAfterSec);
  throw new AppError("TOO_MANY_REQUESTS", messages["zh-CN"], { en: messages.en, retryAfterSec });
}
