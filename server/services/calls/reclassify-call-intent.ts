import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { classifyCallIntent } from "./classify-call-intent";

export const reclassifyCallIntentInput = z.object({ callId: z.string().min(1, "请选择通话") });

/** Re-runs 客户意向 classification for one call of the caller's clinics (e.g. after the script's intents were edited). */
export async function reclassifyCallIntent(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof reclassifyCallIntentInput>) {
  const { callId } = reclassifyCallIntentInput.parse(raw);
  const call = await db.call.findFirst({
    where: { id: callId, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    select: { id: true, outcome: true, intent: true },
  });
  if (!call) throw AppError.notFound("通话");
  if (!call.outcome) throw new AppError("BAD_REQUEST", "通话尚未结束，暂不能判断客户意向");
  const result = await classifyCallIntent(db, call.id, { force: true });
  if (result?.changed) {
    await writeAuditLog(db, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "call.intent.reclassify",
      targetType: "call",
      targetId: call.id,
      data: { from: call.intent, to: result.intent, rule: result.rule },
    });
  }
  return { callId: call.id, intent: result?.intent ?? null, label: result?.label ?? null, rule: result?.rule ?? null, changed: result?.changed ?? false };
}
