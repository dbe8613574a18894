import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { CreationFailure } from "@/server/domain/call-tasks/reasons";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import type { Scope } from "@/server/domain/auth/scope";
import { insertCallTasks, loadScriptForTasks } from "./plan-call-tasks";
import { newRowId } from "./row-id";

export const MAX_BATCH_PATIENTS = 5000;

export const startBatchCallInput = z.object({
  scriptId: z.string().min(1, "请选择话术"),
  patientIds: z
    .array(z.string().min(1))
    .min(1, "请先选择需要外呼的患者")
    .max(MAX_BATCH_PATIENTS, `单次最多选择 ${MAX_BATCH_PATIENTS} 位患者`),
});
export type StartBatchCallInput = z.input<typeof startBatchCallInput>;

export interface StartBatchCallResult {
  batchId: string;
  /** Tasks queued for dialing. */
  queued: number;
  /** Tasks stored as failed, by reason. */
  failed: Partial<Record<CreationFailure, number>>;
  /** Patients left out because the script already has an open task for them. */
  alreadyQueued: number;
}

/**
 * 患者管理 → 批量处理 → 智能外呼 → 开始呼叫: one CallBatch of tasks for the chosen patients and script. Patients outside the
 * caller's clinics behave as missing (NOT_FOUND). A paused script accepts the tasks (dialed once it is enabled again);
 * a stopped or journey-only script is refused. The caller emits outbound/batch.started so the dialer starts at once.
 */
export async function startBatchCall(db: PrismaClient, scope: Scope, viewer: Viewer, raw: StartBatchCallInput, now = new Date()): Promise<StartBatchCallResult> {
  const input = startBatchCallInput.parse(raw);
  const patientIds = [...new Set(input.patientIds)];
  return db.$transaction(
    async (tx) => {
      const script = await loadScriptForTasks(tx, scope.companyId, input.scriptId);
      if (!script || !script.clinics.some((c) => scope.clinicIds.includes(c.clinicId))) throw AppError.notFound("话术");
      if (script.status === "stopped") throw new AppError("BAD_REQUEST", "话术已停用，无法发起外呼");
      if (script.journeyOnly) throw new AppError("BAD_REQUEST", "该话术为自动旅程专用，只能通过自动旅程外呼");

      const visible = await tx.patient.findMany({
        where: { id: { in: patientIds }, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
        select: { id: true },
      });
      if (visible.length !== patientIds.length) throw AppError.notFound("患者");
      const open = await tx.callTask.findMany({
        where: { scriptId: script.id, patientId: { in: patientIds }, status: { in: ["pending", "dialing", "inCall"] } },
        select: { patientId: true },
      });
      const skip = new Set(open.map((t) => t.patientId));

      const batchId = newRowId();
      await tx.callBatch.create({ data: { id: batchId, companyId: scope.companyId, scriptId: script.id, createdById: viewer.userId, createdAt: now } });
      const planned = await insertCallTasks(tx, {
        companyId: scope.companyId,
        script,
        seeds: patientIds.filter((id) => !skip.has(id)).map((patientId) => ({ patientId })),
        source: "batch",
        batchId,
        createdById: viewer.userId,
        now,
      });
      const failed: Partial<Record<CreationFailure, number>> = {};
      for (const t of planned) if (t.failure) failed[t.failure] = (failed[t.failure] ?? 0) + 1;
      const result = { batchId, queued: planned.filter((t) => !t.failure).length, failed, alreadyQueued: skip.size };
      await writeAuditLog(tx, {
        companyId: scope.companyId,
        actorId: viewer.userId,
        action: "outbound.batch.start",
        targetType: "script",
        targetId: script.id,
        data: { batchId, patients: patientIds.length, queued: result.queued, failed, alreadyQueued: skip.size },
      });
      return result;
    },
    { timeout: 60_000 },
  );
}
