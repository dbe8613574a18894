import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { branchKeys, branchLabel } from "@/server/domain/journey/intent-branches";
import { graphFromRows, type JourneyGraph } from "@/server/domain/journey/journey-graph";
import { canEditGraph } from "@/server/domain/journey/journey-status";
import { nextSlot } from "@/server/domain/journey/journey-schedule";
import type { Scope } from "@/server/domain/auth/scope";
import { findJourney, loadGraphRows } from "./find-journey";
import { loadReferencedScripts } from "./journey-scripts";
import { laterOf } from "./list-journeys";
import { outboundNodeAccess } from "./outbound-node-access";

export const getJourneyInput = z.object({ id: z.string().min(1) });

/** Everything the canvas needs: the graph, what its nodes refer to, edge labels, and per-node roster counts. */
export async function getJourney(db: Tx, scope: Scope, viewer: Viewer, input: z.input<typeof getJourneyInput>, now = new Date()) {
  const journey = await findJourney(db, scope, input.id);
  const rows = await loadGraphRows(db, journey.id);
  const graph = graphFromRows(rows.nodes, rows.edges);
  const entry = graph.nodes.find((n) => n.kind === "entry");
  const segmentId = entry?.kind === "entry" ? entry.config.segmentId : null;
  const scriptIds = graph.nodes.flatMap((n) => (n.kind === "outbound" && n.config.scriptId ? [n.config.scriptId] : []));

  const [scripts, segment, access, counts, lastRun] = await Promise.all([
    loadReferencedScripts(db, scope.companyId, scriptIds),
    segmentId ? db.segment.findFirst({ where: { id: segmentId, companyId: scope.companyId }, select: { id: true, name: true } }) : null,
    outboundNodeAccess(db, viewer, scope.companyId, journey.clinic),
    db.journeyRosterEntry.groupBy({ by: ["nodeId", "status"], where: { journeyId: journey.id }, _count: { _all: true } }),
    db.journeyRun.findFirst({ where: { journeyId: journey.id }, orderBy: { scheduledFor: "desc" }, select: { scheduledFor: true, entered: true, finishedAt: true } }),
  ]);

  const schedule = entry?.kind === "entry" ? entry.config.schedule : null;
  return {
    id: journey.id,
    name: journey.name,
    status: journey.status,
    editable: canEditGraph(journey.status),
    publishedAt: journey.publishedAt,
    updatedAt: journey.updatedAt,
    clinic: { id: journey.clinic.id, name: journey.clinic.name, shortName: journey.clinic.shortName, timezone: journey.clinic.timezone },
    outboundAccess: access,
    nextRunAt: journey.status === "published" && schedule ? nextSlot(schedule, journey.clinic.timezone, laterOf(now, lastRun?.scheduledFor)) : null,
    lastRun,
    graph,
    edgeLabels: edgeLabels(graph, scripts),
    segment,
    scripts: Object.fromEntries(scripts),
    rosterCounts: rosterCounts(counts),
  };
}

function edgeLabels(graph: JourneyGraph, scripts: Map<string, { intents: { key: string; label: string }[] }>) {
  const labels: Record<string, string> = {};
  for (const e of graph.edges) {
    const source = graph.nodes.find((n) => n.id === e.source);
    if (source?.kind !== "outbound" || !e.branchKey) continue;
    const cfg = source.config.intentBranches;
    if (!branchKeys(cfg).includes(e.branchKey)) continue;
    const options = (source.config.scriptId && scripts.get(source.config.scriptId)?.intents) || [];
    labels[e.id] = branchLabel(cfg, e.branchKey, options);
  }
  return labels;
}

function rosterCounts(rows: { nodeId: string; status: string; _count: { _all: number } }[]) {
  const out: Record<string, { total: number; dispatching: number; dispatched: number; dispatchFailed: number }> = {};
  for (const r of rows) {
    const c = (out[r.nodeId] ??= { total: 0, dispatching: 0, dispatched: 0, dispatchFailed: 0 });
    c.total += r._count._all;
    c[r.status as "dispatching"] += r._count._all;
  }
  return out;
}
