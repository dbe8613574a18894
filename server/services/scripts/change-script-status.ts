import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { transitionScript, type ScriptAction } from "@/server/domain/scripts/script-status";
import { AppError } from "@/server/errors";
import { notifyDialerActivity } from "@/server/db/dialer-activity";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { cancelPendingTasks } from "@/server/services/dialer/call-rows";
import type { Scope } from "@/server/domain/auth/scope";
import { getCallBalance } from "./get-call-balance";
import { assertManagesScript } from "./manageable-script";

export const changeScriptStatusInput = z.object({ id: z.string().min(1) });

/**
 * 启用 / 暂停 / 停用 (seed §7-3). Stopping is final and cancels the script's pending call tasks (失败原因 话术停用);
 * pausing leaves them pending, to be called once the script is enabled again.
 */
export async function changeScriptStatus(
  db: PrismaClient,
  scope: Scope,
  viewer: Viewer,
  action: Exclude<ScriptAction, "pauseForBalance">,
  raw: z.input<typeof changeScriptStatusInput>,
  now: Date = new Date(),
) {
  const { id } = changeScriptStatusInput.parse(raw);
  return db.$transaction(async (tx) => {
    await assertManagesScript(tx, scope, id);
    const script = await tx.script.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, status: true, pauseReason: true } });
    // Row lock: two people pressing 启用 and 停用 at once must not both win.
    await tx.$queryRaw`SELECT id FROM "Script" WHERE id = ${script.id} FOR UPDATE`;
    const fresh = await tx.script.findUniqueOrThrow({ where: { id: script.id }, select: { status: true, pauseReason: true } });
    const balance = action === "enable" ? await getCallBalance(tx, scope.companyId) : 0;
    const result = transitionScript(fresh, action, { callBalance: balance });
    if (!result.ok) throw new AppError("BAD_REQUEST", result.message);
    const updated = await tx.script.update({
      where: { id: script.id },
      data: { status: result.next.status, pauseReason: result.next.pauseReason, ...(action === "stop" ? { stoppedAt: now } : {}) },
      select: { id: true, status: true, pauseReason: true },
    });
    const cancelled = action === "stop" ? await cancelPendingTasks(tx, { scriptId: script.id }, now) : 0;
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: `script.${action}`,
      targetType: "script",
      targetId: script.id,
      data: { name: script.name, from: fresh.status, to: updated.status, ...(cancelled ? { cancelledTasks: cancelled } : {}) },
    });
    // 实时监控 shows the new status and reason at commit, on every app process.
    await notifyDialerActivity(tx, [scope.companyId]);
    return { ...updated, cancelledTasks: cancelled };
  });
}
