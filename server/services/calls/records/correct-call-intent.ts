import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import { setCorrectedIntent } from "@/server/services/calls/set-call-analysis";
import type { Scope } from "@/server/domain/auth/scope";
import { scriptCategories } from "./script-intents";

export const correctCallIntentInput = z.object({
  callId: z.string().min(1),
  /** One of the script's categories, or null for 默认为空. */
  intent: z.string().min(1).max(60).nullable(),
});

/**
 * 人工修正: a manager sets a call's 客户意向 from the call detail. Tenancy as everywhere (another company's call, or a
 * clinic outside the caller's, is NOT_FOUND); the label must be one of the script's. Audited; the call shows 人工修正,
 * every count reads the new label, and `npm run intent:export-corrections` turns it into an evaluation case.
 */
export async function correctCallIntent(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof correctCallIntentInput>, now = new Date()) {
  const input = correctCallIntentInput.parse(raw);
  const call = await db.call.findFirst({
    where: { id: input.callId, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    select: { id: true, companyId: true, taskId: true, attempt: true, intent: true, intentCorrectedAt: true, outcome: true, scriptId: true },
  });
  if (!call) throw AppError.notFound("通话记录");
  if (!call.outcome) throw new AppError("BAD_REQUEST", "通话尚未结束，不能修正意向");
  if (input.intent !== null) {
    const options = await scriptCategories(db, scope.companyId, call.scriptId);
    if (!options.some((o) => o.key === input.intent)) throw new AppError("BAD_REQUEST", "所选意向不属于该话术");
  }
  const { changed } = await setCorrectedIntent(db, call, { intent: input.intent, actorId: viewer.userId, at: now });
  return { callId: call.id, intent: input.intent, changed };
}
