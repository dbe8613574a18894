import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { graphFromRows, journeyGraph, nodeDisplayNames, type JourneyGraph } from "@/server/domain/journey/journey-graph";
import { canEditGraph } from "@/server/domain/journey/journey-status";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { findJourney, loadGraphRows } from "./find-journey";
import { outboundNodeAccess } from "./outbound-node-access";

export const saveJourneyGraphInput = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, "请输入旅程名称").max(30, "旅程名称最多 30 个字"),
  graph: journeyGraph,
});
export type SaveJourneyGraphInput = z.input<typeof saveJourneyGraphInput>;

/**
 * Saves the canvas of a draft or paused journey. Node ids the journey already has are kept (rosters refer to them);
 * other ids are replaced by fresh ones. Adding or changing a 智能外呼组件 needs the outbound permission and an opened
 * clinic (FAQ Q6); a node that already has a roster cannot be removed.
 */
export async function saveJourneyGraph(db: PrismaClient, scope: Scope, viewer: Viewer, raw: SaveJourneyGraphInput) {
  const input = saveJourneyGraphInput.parse(raw);
  return db.$transaction(async (tx) => {
    const journey = await findJourney(tx, scope, input.id);
    if (!canEditGraph(journey.status)) {
      throw new AppError("CONFLICT", journey.status === "published" ? "旅程已发布，请先暂停后再编辑" : "旅程已结束，不能再编辑");
    }
    const before = await loadGraphRows(tx, journey.id);
    const old = graphFromRows(before.nodes, before.edges);
    checkStructure(input.graph);

    if (outboundChanged(old, input.graph)) {
      const access = await outboundNodeAccess(tx, viewer, scope.companyId, journey.clinic);
      if (!access.ok) throw AppError.forbidden(`不能添加或编辑智能外呼组件：${access.reason}`);
    }
    await assertReferencesOwned(tx, scope.companyId, input.graph);

    const keep = new Set(old.nodes.map((n) => n.id));
    const ids = new Map(input.graph.nodes.map((n) => [n.id, keep.has(n.id) ? n.id : randomUUID()]));
    const removed = old.nodes.filter((n) => !ids.has(n.id));
    if (removed.length) {
      const withRoster = await tx.journeyRosterEntry.groupBy({ by: ["nodeId"], where: { nodeId: { in: removed.map((n) => n.id) } } });
      if (withRoster.length) {
        const names = nodeDisplayNames(old.nodes);
        const list = withRoster.map((r) => `「${names.get(r.nodeId)}」`).join("");
        throw new AppError("CONFLICT", `节点${list}已有旅程名单，不能删除`);
      }
      await tx.journeyNode.deleteMany({ where: { journeyId: journey.id, id: { in: removed.map((n) => n.id) } } });
    }
    await tx.journeyEdge.deleteMany({ where: { journeyId: journey.id } });
    for (const n of input.graph.nodes) {
      const data = { kind: n.kind, label: n.label, config: n.config as Prisma.InputJsonValue, positionX: n.position.x, positionY: n.position.y };
      const id = ids.get(n.id)!;
      if (keep.has(id)) await tx.journeyNode.update({ where: { id }, data });
      else await tx.journeyNode.create({ data: { id, journeyId: journey.id, ...data } });
    }
    if (input.graph.edges.length) {
      await tx.journeyEdge.createMany({
        data: input.graph.edges.map((e) => ({
          id: randomUUID(),
          journeyId: journey.id,
          sourceNodeId: ids.get(e.source)!,
          targetNodeId: ids.get(e.target)!,
          branchKey: e.branchKey,
        })),
      });
    }
    await tx.journey.update({ where: { id: journey.id }, data: { name: input.name, updatedAt: new Date() } });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "journey.save",
      targetType: "journey",
      targetId: journey.id,
      data: { name: input.name, nodes: input.graph.nodes.length, edges: input.graph.edges.length },
    });
    return { id: journey.id, nodeIds: Object.fromEntries(ids) };
  });
}

/** What any saved canvas must satisfy (publishing checks the rest): unique ids, edges between existing nodes. */
function checkStructure(graph: JourneyGraph) {
  const ids = new Set<string>();
  for (const n of graph.nodes) {
    if (ids.has(n.id)) throw new AppError("BAD_REQUEST", "画布中存在重复的节点，请刷新后重试");
    ids.add(n.id);
  }
  if (graph.nodes.filter((n) => n.kind === "entry").length !== 1) throw new AppError("BAD_REQUEST", "旅程需要且只能有一个开始节点");
  for (const e of graph.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) throw new AppError("BAD_REQUEST", "存在未连接到节点的连线，请删除后重试");
  }
}

function outboundChanged(old: JourneyGraph, next: JourneyGraph): boolean {
  const before = new Map(old.nodes.filter((n) => n.kind === "outbound").map((n) => [n.id, JSON.stringify(n.config)]));
  return next.nodes.some((n) => n.kind === "outbound" && before.get(n.id) !== JSON.stringify(n.config));
}

/** Scripts and segments named in the graph must be the company's own. */
async function assertReferencesOwned(tx: Tx, companyId: string, graph: JourneyGraph) {
  const scriptIds = [...new Set(graph.nodes.flatMap((n) => (n.kind === "outbound" && n.config.scriptId ? [n.config.scriptId] : [])))];
  const segmentIds = [...new Set(graph.nodes.flatMap((n) => (n.kind === "entry" && n.config.segmentId ? [n.config.segmentId] : [])))];
  const [scripts, segments] = await Promise.all([
    scriptIds.length ? tx.script.count({ where: { companyId, id: { in: scriptIds } } }) : 0,
    segmentIds.length ? tx.segment.count({ where: { companyId, id: { in: segmentIds } } }) : 0,
  ]);
  if (scripts !== scriptIds.length) throw new AppError("BAD_REQUEST", "所选话术不存在或无权访问");
  if (segments !== segmentIds.length) throw new AppError("BAD_REQUEST", "所选人群不存在或无权访问");
}
