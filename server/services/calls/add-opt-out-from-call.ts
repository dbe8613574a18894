import type { PrismaClient } from "@/server/db/create-client";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";

/**
 * A patient who explicitly asked on the call not to be called again joins the company's opt-out list (禁呼名单, kind
 * optOut) with the call and the sentence that asked — nothing else puts a number there (a complaint never does). The
 * dialer's DNC check then intercepts every later task for the number. Idempotent. A manager can undo it
 * (removeOptOutFromCall).
 */
export async function addOptOutFromCall(db: PrismaClient, callId: string): Promise<{ added: boolean }> {
  const call = await db.call.findUnique({ where: { id: callId }, select: { id: true, companyId: true, mobile: true, triggerSentence: true } });
  if (!call?.mobile) return { added: false };
  return db.$transaction(async (tx) => {
    const created = await tx.dncEntry.createMany({
      data: [
        {
          companyId: call.companyId,
          kind: "optOut",
          mobile: call.mobile,
          reason: "通话中客户要求不再来电",
          source: "callIntent",
          callId: call.id,
          triggerSentence: call.triggerSentence,
        },
      ],
      skipDuplicates: true,
    });
    if (created.count === 0) return { added: false };
    await writeAuditLog(tx, {
      companyId: call.companyId,
      actorId: null,
      action: "dnc.optOut.add",
      targetType: "call",
      targetId: call.id,
      reason: "callIntent",
      data: { triggerSentence: call.triggerSentence },
    });
    return { added: true };
  });
}
