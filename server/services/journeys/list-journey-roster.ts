import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Prisma } from "@/server/generated/prisma/client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { intentLabel } from "@/server/domain/calls/intent-label";
import { branchLabel } from "@/server/domain/journey/intent-branches";
import { graphFromRows } from "@/server/domain/journey/journey-graph";
import { dispatchFailLabel } from "@/server/domain/journey/roster";
import { callTaskReasonLabel } from "@/server/domain/call-tasks/reasons";
import { maskMobile } from "@/server/domain/patients/mobile";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { findJourney } from "./find-journey";
import { loadReferencedScripts } from "./journey-scripts";

export const listJourneyRosterInput = z.object({
  journeyId: z.string().min(1),
  nodeId: z.string().min(1),
  status: z.enum(["dispatching", "dispatched", "dispatchFailed"]).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(10).max(100).default(20),
});
export type ListJourneyRosterInput = z.input<typeof listJourneyRosterInput>;

/** 旅程名单 of one node: who entered, 下发状态, the failure reason, and (outbound nodes) the intent and branch taken. */
export async function listJourneyRoster(db: Tx, scope: Scope, viewer: Viewer, raw: ListJourneyRosterInput) {
  const input = listJourneyRosterInput.parse(raw);
  const journey = await findJourney(db, scope, input.journeyId);
  const node = await db.journeyNode.findFirst({ where: { id: input.nodeId, journeyId: journey.id } });
  if (!node) throw AppError.notFound("节点");
  const typed = graphFromRows([node], []).nodes[0]!;
  const where: Prisma.JourneyRosterEntryWhereInput = { nodeId: node.id, ...(input.status ? { status: input.status } : {}) };
  const [total, byStatus, rows] = await Promise.all([
    db.journeyRosterEntry.count({ where }),
    db.journeyRosterEntry.groupBy({ by: ["status"], where: { nodeId: node.id }, _count: { _all: true } }),
    db.journeyRosterEntry.findMany({
      where,
      orderBy: [{ enteredAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      include: {
        patient: { select: { id: true, name: true, mobile: true, medicalRecordNo: true } },
        callTask: { select: { id: true, status: true, reason: true, lastOutcome: true, intent: true, attempt: true } },
        run: { select: { scheduledFor: true } },
      },
    }),
  ]);
  const script = typed.kind === "outbound" && typed.config.scriptId ? (await loadReferencedScripts(db, scope.companyId, [typed.config.scriptId])).get(typed.config.scriptId) : undefined;
  const intents = script?.intents ?? [];
  const showMobile = can(viewer, "patients.mobile.view");
  const counts = { dispatching: 0, dispatched: 0, dispatchFailed: 0 };
  for (const g of byStatus) counts[g.status] = g._count._all;
  return {
    node: { id: node.id, kind: node.kind },
    total,
    counts,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      patient: {
        id: r.patient.id,
        name: r.patient.name,
        mobile: showMobile ? (r.patient.mobile ?? "") : maskMobile(r.patient.mobile),
        medicalRecordNo: r.patient.medicalRecordNo,
      },
      status: r.status,
      failReason: dispatchFailLabel(r.failReason),
      enteredAt: r.enteredAt,
      scheduledFor: r.run?.scheduledFor ?? null,
      dueAt: r.dueAt,
      advancedAt: r.advancedAt,
      callTask: r.callTask && { id: r.callTask.id, status: r.callTask.status, lastOutcome: r.callTask.lastOutcome, intent: r.callTask.intent, attempt: r.callTask.attempt },
      /**
       * Why a dispatched patient was not called: the task was intercepted by a rule (DNC, 15-day rule, carrier caps …),
       * failed before dialing or was cancelled — so 「下发成功 · 进入分支：默认为空」 is never the whole story.
       */
      callBlocked:
        r.callTask && (r.callTask.status === "intercepted" || r.callTask.status === "failed" || r.callTask.status === "cancelled")
          ? { status: r.callTask.status, reason: callTaskReasonLabel(r.callTask.reason ?? (r.callTask.status === "cancelled" ? "scriptStopped" : null)) }
          : null,
      intent: intentLabel(r.intent ?? r.callTask?.intent, intents),
      branch: r.branchKey && typed.kind === "outbound" ? branchLabel(typed.config.intentBranches, r.branchKey, intents) : null,
    })),
  };
}
