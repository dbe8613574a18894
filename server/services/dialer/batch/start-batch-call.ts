import { z } from "zod";
import { batchStarted } from "@/server/jobs/events";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { CreationFailure } from "@/server/domain/call-tasks/reasons";
import { sendEvents } from "@/server/jobs/send-events";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { insertCallTasks } from "@/server/services/dialer/plan-call-tasks";
import { newRowId } from "@/server/services/dialer/row-id";
import type { Scope } from "@/server/domain/auth/scope";
import { loadBatch } from "./load-batch";

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
 * a stopped or journey-only script is refused (loadBatch). Once the tasks are stored the dialer is nudged
 * (outbound/batch.started) so it starts at once; its per-minute tick would find the tasks anyway.
 */
export async function startBatchCall(db: PrismaClient, scope: Scope, viewer: Viewer, raw: StartBatchCallInput, now = new Date()): Promise<StartBatchCallResult> {
  const input = startBatchCallInput.parse(raw);
  const result = await db.$transaction(
    async (tx) => {
      const { script, patientIds, alreadyQueued } = await loadBatch(tx, scope, input);
      const batchId = newRowId();
      await tx.callBatch.create({ data: { id: batchId, companyId: scope.companyId, scriptId: script.id, createdById: viewer.userId, createdAt: now } });
      const planned = await insertCallTasks(tx, {
        companyId: scope.companyId,
        script,
        seeds: patientIds.filter((id) => !alreadyQueued.has(id)).map((patientId) => ({ patientId })),
        source: "batch",
        batchId,
        createdById: viewer.userId,
        now,
      });
      const failed: Partial<Record<CreationFailure, number>> = {};
      for (const t of planned) if (t.failure) failed[t.failure] = (failed[t.failure] ?? 0) + 1;
      const result = { batchId, queued: planned.filter((t) => !t.failure).length, failed, alreadyQueued: alreadyQueued.size };
      await writeAuditLog(tx, {
        companyId: scope.companyId,
        actorId: viewer.userId,
        action: "outbound.batch.start",
        targetType: "script",
        targetId: script.id,
        data: { batchId, patients: patientIds.length, queued: result.queued, failed, alreadyQueued: alreadyQueued.size },
      });
      return result;
    },
    { timeout: 60_000 },
  );
  if (result.queued > 0) {
    await sendEvents(batchStarted.create({ companyId: scope.companyId, scriptId: input.scriptId, batchId: result.batchId })).catch((error) =>
      console.warn("[outbound] could not nudge the dialer; the next tick will start the batch", error),
    );
  }
  return result;
}
