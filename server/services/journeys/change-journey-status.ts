import { z } from "zod";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { graphFromRows, type JourneyGraph } from "@/server/domain/journey/journey-graph";
import { JOURNEY_STATUS_LABELS, transition } from "@/server/domain/journey/journey-status";
import { journeyProblemText, validateJourney, type JourneyProblem } from "@/server/domain/journey/validate-journey";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { findJourney, loadGraphRows } from "./find-journey";
import { loadReferencedScripts } from "./journey-scripts";
import { outboundNodeAccess } from "./outbound-node-access";

export const changeJourneyStatusInput = z.object({
  id: z.string().min(1),
  action: z.enum(["publish", "pause", "resume", "end"]),
});
export type ChangeJourneyStatusInput = z.input<typeof changeJourneyStatusInput>;

const ACTION_NAMES = { publish: "发布", pause: "暂停", resume: "恢复", end: "结束" } as const;

/**
 * 发布 / 暂停 / 恢复 / 结束. Publishing and resuming validate the whole graph and return every problem (with its node)
 * instead of changing anything; the schedule counts from that moment, so slots before it never run.
 */
export async function changeJourneyStatus(
  db: PrismaClient,
  scope: Scope,
  viewer: Viewer,
  raw: ChangeJourneyStatusInput,
  now = new Date(),
): Promise<{ ok: true; status: string } | { ok: false; problems: JourneyProblem[] }> {
  const input = changeJourneyStatusInput.parse(raw);
  return db.$transaction(async (tx) => {
    const journey = await findJourney(tx, scope, input.id);
    const next = transition(journey.status, input.action);
    if (!next) {
      throw new AppError("CONFLICT", `${JOURNEY_STATUS_LABELS[journey.status]}的旅程不能${ACTION_NAMES[input.action]}`);
    }
    if (input.action === "publish" || input.action === "resume") {
      const rows = await loadGraphRows(tx, journey.id);
      const graph = graphFromRows(rows.nodes, rows.edges);
      const problems = await publishProblems(tx, scope, viewer, journey, graph, now);
      if (problems.length) return { ok: false as const, problems };
    }
    await tx.journey.update({
      where: { id: journey.id },
      data: { status: next, ...(next === "published" ? { publishedAt: now } : {}) },
    });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: `journey.${input.action}`,
      targetType: "journey",
      targetId: journey.id,
      data: { name: journey.name, from: journey.status, to: next },
    });
    return { ok: true as const, status: next };
  });
}

async function publishProblems(
  tx: Tx,
  scope: Scope,
  viewer: Viewer,
  journey: Awaited<ReturnType<typeof findJourney>>,
  graph: JourneyGraph,
  now: Date,
): Promise<JourneyProblem[]> {
  const scriptIds = graph.nodes.flatMap((n) => (n.kind === "outbound" && n.config.scriptId ? [n.config.scriptId] : []));
  const [segments, scripts] = await Promise.all([
    tx.segment.findMany({ where: { companyId: scope.companyId }, select: { id: true } }),
    loadReferencedScripts(tx, scope.companyId, scriptIds),
  ]);
  const problems = validateJourney(graph, {
    now,
    timeZone: journey.clinic.timezone,
    segmentIds: new Set(segments.map((s) => s.id)),
    scripts,
  });
  const outbound = graph.nodes.filter((n) => n.kind === "outbound");
  if (outbound.length) {
    const access = await outboundNodeAccess(tx, viewer, scope.companyId, journey.clinic);
    if (!access.ok) {
      const params = { reason: access.reason, lock: access.code, ...(access.clinic ? { clinic: access.clinic } : {}) };
      problems.unshift({ nodeId: outbound[0]!.id, code: "outboundLocked", params, message: journeyProblemText("outboundLocked", params) });
    }
  }
  return problems;
}
