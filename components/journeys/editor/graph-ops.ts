import { branchKeys } from "@/server/domain/journey/intent-branches";
import type { JourneyEdge, JourneyGraph, JourneyNode, JourneyNodeKind, OutboundConfig } from "@/server/domain/journey/journey-graph";

/** Canvas edits as pure functions over the journey graph (the editor's state); the server re-checks everything on save. */

export const PLAIN = "out";

export function newId(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36).slice(-4)}`;
}

/** The outgoing slots of a node: "out" for a single edge, or its branch keys. End nodes have none. */
export function outgoingSlots(node: JourneyNode): string[] {
  if (node.kind === "end") return [];
  if (node.kind === "outbound" && node.config.intentBranches.enabled) return branchKeys(node.config.intentBranches);
  return [PLAIN];
}

const slotOf = (e: JourneyEdge) => e.branchKey ?? PLAIN;

export function edgeFrom(graph: JourneyGraph, nodeId: string, slot: string): JourneyEdge | undefined {
  return graph.edges.find((e) => e.source === nodeId && slotOf(e) === slot);
}

export function newNode(kind: Exclude<JourneyNodeKind, "entry">, position: { x: number; y: number }): JourneyNode {
  const base = { id: newId(kind), label: null, position };
  if (kind === "outbound") return { ...base, kind, config: { scriptId: null, intentBranches: { enabled: false, branches: [] } } };
  if (kind === "wait") return { ...base, kind, config: { amount: 1, unit: "days" } };
  return { ...base, kind: "end", config: {} };
}

/** Connects `slot` of `source` to `target`, replacing whatever that slot led to; refuses edges into the entry or itself. */
export function connect(graph: JourneyGraph, source: string, slot: string, target: string): JourneyGraph {
  const to = graph.nodes.find((n) => n.id === target);
  if (!to || to.kind === "entry" || source === target) return graph;
  const branchKey = slot === PLAIN ? null : slot;
  const edges = graph.edges.filter((e) => !(e.source === source && slotOf(e) === slot));
  return { ...graph, edges: [...edges, { id: newId("e"), source, target, branchKey }] };
}

export function disconnect(graph: JourneyGraph, source: string, slot: string): JourneyGraph {
  return { ...graph, edges: graph.edges.filter((e) => !(e.source === source && slotOf(e) === slot)) };
}

/** Adds a node; when `from` has a free outgoing slot the new node is connected to it. */
export function addNode(graph: JourneyGraph, node: JourneyNode, from?: string | null): JourneyGraph {
  let next = { ...graph, nodes: [...graph.nodes, node] };
  const source = from ? graph.nodes.find((n) => n.id === from) : undefined;
  const free = source ? outgoingSlots(source).find((s) => !edgeFrom(graph, source.id, s)) : undefined;
  if (source && free) next = connect(next, source.id, free, node.id);
  return next;
}

/** Removes nodes (never the entry) and every edge touching them. */
export function removeNodes(graph: JourneyGraph, ids: readonly string[]): JourneyGraph {
  const gone = new Set(ids.filter((id) => graph.nodes.find((n) => n.id === id)?.kind !== "entry"));
  return {
    nodes: graph.nodes.filter((n) => !gone.has(n.id)),
    edges: graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
}

export function updateNode(graph: JourneyGraph, id: string, patch: (n: JourneyNode) => JourneyNode): JourneyGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? patch(n) : n)) };
}

/**
 * Sets an outbound node's config and keeps one edge per branch: a new branch gets an edge to a new 结束 node below the
 * others (the canvas draws it at once), a removed branch loses its edge, and an end node left with no way in goes too.
 * Switching branches on turns the single edge into 【其他】's; switching off keeps 【其他】's as the single edge.
 */
export function setOutboundConfig(graph: JourneyGraph, id: string, config: OutboundConfig): JourneyGraph {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node || node.kind !== "outbound") return graph;
  const wasOn = node.config.intentBranches.enabled;
  const isOn = config.intentBranches.enabled;
  let next = updateNode(graph, id, (n) => ({ ...n, config }) as JourneyNode);
  const relabel = (from: string | null, to: string | null) => ({
    ...next,
    edges: next.edges.map((e) => (e.source === id && (e.branchKey ?? null) === from ? { ...e, branchKey: to } : e)),
  });
  if (!wasOn && isOn) next = relabel(null, "other");
  if (wasOn && !isOn) {
    next = { ...next, edges: next.edges.filter((e) => e.source !== id || e.branchKey === "other") };
    next = relabel("other", null);
  }
  const keys = isOn ? branchKeys(config.intentBranches) : [];
  if (isOn) {
    next = { ...next, edges: next.edges.filter((e) => e.source !== id || keys.includes(e.branchKey ?? "")) };
    for (const key of keys) {
      if (edgeFrom(next, id, key)) continue;
      const end = newNode("end", freeSpot(next, { x: node.position.x + 480, y: node.position.y - 120 }));
      next = connect({ ...next, nodes: [...next.nodes, end] }, id, key, end.id);
    }
  }
  return tidyBranchEnds(dropOrphanEnds(next, graph), id);
}

/** Stacks the end nodes that only this node's branches lead to in branch order, so the edges do not cross. */
function tidyBranchEnds(graph: JourneyGraph, id: string): JourneyGraph {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node || node.kind !== "outbound" || !node.config.intentBranches.enabled) return graph;
  const keys = branchKeys(node.config.intentBranches);
  const ends = keys.flatMap((key) => {
    const target = edgeFrom(graph, id, key)?.target;
    const t = graph.nodes.find((n) => n.id === target);
    const only = graph.edges.filter((e) => e.target === target).length === 1;
    return t?.kind === "end" && only ? [t.id] : [];
  });
  if (ends.length === 0) return graph;
  const top = node.position.y - ((ends.length - 1) * 110) / 2 + 60;
  const place = new Map(ends.map((endId, i) => [endId, { x: node.position.x + 480, y: top + i * 110 }]));
  return { ...graph, nodes: graph.nodes.map((n) => (place.has(n.id) ? { ...n, position: place.get(n.id)! } : n)) };
}

/** End nodes that lost their last incoming edge in this edit (they were only reachable through it). */
function dropOrphanEnds(next: JourneyGraph, before: JourneyGraph): JourneyGraph {
  const hadIncoming = new Set(before.edges.map((e) => e.target));
  const hasIncoming = new Set(next.edges.map((e) => e.target));
  const orphans = next.nodes.filter((n) => n.kind === "end" && hadIncoming.has(n.id) && !hasIncoming.has(n.id)).map((n) => n.id);
  return orphans.length ? removeNodes(next, orphans) : next;
}

/** The first spot at or below `at` with no node within a node's height in that column. */
function freeSpot(graph: JourneyGraph, at: { x: number; y: number }): { x: number; y: number } {
  const taken = graph.nodes.filter((n) => Math.abs(n.position.x - at.x) < 200).map((n) => n.position.y);
  let y = at.y;
  while (taken.some((t) => Math.abs(t - y) < 100)) y += 110;
  return { x: at.x, y };
}

/** Where to put a node added from the library: right of the selected node, else right of everything. */
export function placeNear(graph: JourneyGraph, selected: string | null): { x: number; y: number } {
  const from = graph.nodes.find((n) => n.id === selected);
  if (from) return freeSpot(graph, { x: from.position.x + (from.kind === "outbound" ? 480 : 340), y: from.position.y });
  const maxX = Math.max(0, ...graph.nodes.map((n) => n.position.x));
  return { x: maxX + 320, y: 160 };
}
