import { createHash } from "node:crypto";
import { z } from "zod";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import { Prisma } from "@/server/generated/prisma/client";
import { callAnalysisRequested } from "@/server/jobs/events";
import { sendEvents } from "@/server/jobs/send-events";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { visibleScript } from "@/server/services/scripts/visible-script";
import { clinicFilter } from "@/server/services/tenancy/clinic-filter";
import { toCallAnalysisJobView } from "./call-analysis-job-view";

export const startCallAnalysisInput = z.object({
  scriptId: z.string().min(1, "请选择话术"),
  /** One call of the script; without it every ended call of the script (within the caller's clinics). */
  callId: z.string().min(1).optional(),
});

/** A queued or running job whose chunks stopped arriving (its process died) is re-announced after this long. */
export const STALE_JOB_MS = 5 * 60_000;

/**
 * Which clinics a job covers, as stored and compared: [] for a caller who sees every clinic of the company, else their
 * clinics sorted. Jobs are per (script, clinic set): a clinic admin neither joins nor watches a company-wide job (whose
 * counts include other clinics' calls), and a company admin's request is never narrowed to one clinic's job.
 */
export async function analysisClinicIds(db: Tx, scope: Scope): Promise<string[]> {
  const clinics = await clinicFilter(db, scope);
  return clinics ? [...clinics.in].sort() : [];
}

export function scriptJobKey(scriptId: string, clinicIds: readonly string[]): string {
  return clinicIds.length ? `${scriptId}:${createHash("sha256").update(clinicIds.join(",")).digest("hex").slice(0, 20)}` : scriptId;
}

/**
 * 重新分析: queues a background re-classification of one call or of every ended call of a script. Idempotent: while a
 * job for the same script (or call) is queued or running, asking again returns that job (`activeKey` is unique) — and
 * re-announces it when it looks stalled, so a job lost with a process resumes from its stored cursor.
 */
export async function startCallAnalysis(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof startCallAnalysisInput>, now = new Date()) {
  const input = startCallAnalysisInput.parse(raw);
  const script = await db.script.findFirst({ where: { id: input.scriptId, ...visibleScript(scope) }, select: { id: true } });
  if (!script) throw AppError.notFound("话术");
  const clinicIds = await analysisClinicIds(db, scope);
  const where = { scriptId: script.id, companyId: scope.companyId, outcome: { not: null }, ...(clinicIds.length ? { clinicId: { in: clinicIds } } : {}) } satisfies Prisma.CallWhereInput;
  if (input.callId) {
    const call = await db.call.findFirst({ where: { id: input.callId, companyId: scope.companyId, clinicId: { in: scope.clinicIds } }, select: { scriptId: true, outcome: true } });
    if (!call || call.scriptId !== script.id) throw AppError.notFound("通话");
    if (!call.outcome) throw new AppError("BAD_REQUEST", "通话尚未结束，暂不能分析");
  }
  const activeKey = input.callId ? `call:${input.callId}` : scriptJobKey(script.id, clinicIds);

  const existing = await db.callAnalysisJob.findUnique({ where: { activeKey } });
  if (existing) {
    if (now.getTime() - existing.updatedAt.getTime() > STALE_JOB_MS) {
      await db.callAnalysisJob.update({ where: { id: existing.id }, data: { updatedAt: now } });
      await sendEvents(callAnalysisRequested.create({ jobId: existing.id, companyId: scope.companyId }));
    }
    return { job: toCallAnalysisJobView(existing), created: false };
  }

  const total = input.callId ? 1 : await db.call.count({ where });
  if (total === 0) throw new AppError("BAD_REQUEST", "该话术还没有已结束的通话，无需重新分析");
  let job;
  try {
    job = await db.callAnalysisJob.create({
      data: {
        companyId: scope.companyId,
        scriptId: script.id,
        callId: input.callId ?? null,
        clinicIds,
        activeKey,
        total,
        requestedById: viewer.userId,
      },
    });
  } catch (error) {
    // Two requests at once: the other one created the job.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const other = await db.callAnalysisJob.findUnique({ where: { activeKey } });
      if (other) return { job: toCallAnalysisJobView(other), created: false };
    }
    throw error;
  }
  await writeAuditLog(db, {
    companyId: scope.companyId,
    actorId: viewer.userId,
    action: "call.analysis.start",
    targetType: input.callId ? "call" : "script",
    targetId: input.callId ?? script.id,
    data: { jobId: job.id, total },
  });
  await sendEvents(callAnalysisRequested.create({ jobId: job.id, companyId: scope.companyId }));
  return { job: toCallAnalysisJobView(job), created: true };
}
