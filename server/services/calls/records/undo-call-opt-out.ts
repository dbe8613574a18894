import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import type { Scope } from "@/server/domain/auth/scope";

export const undoCallOptOutInput = z.object({ callId: z.string().min(1) });

/**
 * 撤销禁呼: a manager takes the call's number off the company's opt-out list in one click (the classifier misread the
 * patient, or the patient changed their mind). Only the company's own opt-out entry for that number goes — platform
 * lists are not the clinic's to undo. Audited with the number's entry and the sentence that had triggered it.
 */
export async function undoCallOptOut(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof undoCallOptOutInput>) {
  const { callId } = undoCallOptOutInput.parse(raw);
  const call = await db.call.findFirst({
    where: { id: callId, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    select: { id: true, mobile: true },
  });
  if (!call) throw AppError.notFound("通话记录");
  return db.$transaction(async (tx) => {
    const entry = await tx.dncEntry.findFirst({
      where: { companyId: scope.companyId, kind: "optOut", mobile: call.mobile },
      select: { id: true, callId: true, triggerSentence: true, source: true, createdAt: true },
    });
    if (!entry) throw new AppError("BAD_REQUEST", "该号码不在禁呼名单中");
    await tx.dncEntry.delete({ where: { id: entry.id } });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "dnc.optOut.remove",
      targetType: "call",
      targetId: call.id,
      data: { entryCallId: entry.callId, triggerSentence: entry.triggerSentence, source: entry.source, addedAt: entry.createdAt.toISOString() },
    });
    return { callId: call.id, removed: true };
  });
}
