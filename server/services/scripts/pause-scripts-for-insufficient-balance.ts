import type { Tx } from "@/server/db/create-client";
import { notifyDialerActivity } from "@/server/db/dialer-activity";

/**
 * 余额不足暂停: the dial engine calls this when the company's call balance runs out. Every enabled script of the company
 * becomes paused with reason insufficientBalance; its pending patients stay pending (called after re-enabling).
 * Returns the ids paused. Idempotent.
 */
export async function pauseScriptsForInsufficientBalance(db: Tx, companyId: string): Promise<string[]> {
  const scripts = await db.script.findMany({ where: { companyId, status: "enabled" }, select: { id: true } });
  if (scripts.length === 0) return [];
  const ids = scripts.map((s) => s.id);
  await db.script.updateMany({ where: { id: { in: ids }, status: "enabled" }, data: { status: "paused", pauseReason: "insufficientBalance" } });
  await db.auditLog.createMany({
    data: ids.map((id) => ({ companyId, actorId: null, action: "script.pauseForBalance", targetType: "script", targetId: id, reason: "余额不足" })),
  });
  await notifyDialerActivity(db, [companyId]);
  return ids;
}

