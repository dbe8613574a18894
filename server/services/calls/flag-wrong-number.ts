import type { PrismaClient } from "@/server/db/create-client";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";

/**
 * 号码错误: the person who answered is not the patient. The task is not redialled (applyAttemptResult) and the
 * patient's number is flagged for the clinic to correct (客户列表 / 通话详情 show it). Idempotent.
 */
export async function flagWrongNumber(db: PrismaClient, callId: string): Promise<{ flagged: boolean }> {
  const call = await db.call.findUnique({ where: { id: callId }, select: { id: true, companyId: true, patientId: true, outcome: true, endedAt: true } });
  if (call?.outcome !== "wrongNumber") return { flagged: false };
  return db.$transaction(async (tx) => {
    const { count } = await tx.patient.updateMany({ where: { id: call.patientId, wrongNumberAt: null }, data: { wrongNumberAt: call.endedAt ?? new Date() } });
    if (count === 0) return { flagged: false };
    await writeAuditLog(tx, { companyId: call.companyId, actorId: null, action: "patient.wrongNumber.flag", targetType: "patient", targetId: call.patientId, data: { callId } });
    return { flagged: true };
  });
}
