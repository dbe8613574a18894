import { z } from "zod";
import { intentBranchesConfig } from "./intent-branches";
import { journeySchedule } from "./journey-schedule";

/**
 * A journey (自动旅程) is a graph: one entry node (segment + schedule), 智能外呼组件 (outbound) nodes, wait nodes and
 * end nodes, joined by edges. An outbound node with 客户意向多分支 has one outgoing edge per branch, keyed by branchKey.
 */
export type JourneyNodeKind = "entry" | "outbound" | "wait" | "end";

export const entryConfig = z.object({
  segmentId: z.string().min(1).nullable().default(null),
  schedule: journeySchedule.nullable().default(null),
});

export const outboundConfig = z.object({
  scriptId: z.string().min(1).nullable().default(null),
  intentBranches: intentBranchesConfig.default({ enabled: false, branches: [] }),
});

export const WAIT_UNITS = ["minutes", "hours", "days"] as const;
export const waitConfig = z.object({
  amount: z.number().int("等待时长须为整数").min(1, "等待时长至少为 1").max(365, "等待时长不能超过 365"),
  unit: z.enum(WAIT_UNITS),
});

export const endConfig = z.object({});

export type EntryConfig = z.output<typeof entryConfig>;
export type OutboundConfig = z.output<typeof outboundConfig>;
export type WaitConfig = z.output<typeof waitConfig>;

const position = z.object({ x: z.number().finite(), y: z.number().finite() });
const nodeBase = { id: z.string().min(1).max(64), label: z.string().trim().max(30, "节点名称最多 30 个字").nullable().default(null), position };

export const journeyNode = z.discriminatedUnion("kind", [
  z.object({ ...nodeBase, kind: z.literal("entry"), config: entryConfig }),
  z.object({ ...nodeBase, kind: z.literal("outbound"), config: outboundConfig }),
  z.object({ ...nodeBase, kind: z.literal("wait"), config: waitConfig }),
  z.object({ ...nodeBase, kind: z.literal("end"), config: endConfig.default({}) }),
]);

export const journeyEdge = z.object({
  id: z.string().min(1).max(64),
  source: z.string().min(1).max(64),
  target: z.string().min(1).max(64),
  branchKey: z.string().min(1).max(16).nullable().default(null),
});

export const journeyGraph = z.object({
  nodes: z.array(journeyNode).max(60, "节点最多 60 个"),
  edges: z.array(journeyEdge).max(120, "连线最多 120 条"),
});

export type JourneyNode = z.output<typeof journeyNode>;
export type JourneyEdge = z.output<typeof journeyEdge>;
export type JourneyGraph = z.output<typeof journeyGraph>;
export type JourneyGraphInput = z.input<typeof journeyGraph>;
export type OutboundNode = Extract<JourneyNode, { kind: "outbound" }>;
export type EntryNode = Extract<JourneyNode, { kind: "entry" }>;

export const NODE_KIND_NAMES: Record<JourneyNodeKind, string> = {
  entry: "开始",
  outbound: "智能外呼",
  wait: "等待",
  end: "结束",
};

/** What messages call a node: its own label, else 智能外呼 1, 智能外呼 2 … left to right, top to bottom on the canvas. */
export function nodeDisplayNames(
  nodes: readonly Pick<JourneyNode, "id" | "kind" | "label" | "position">[],
  kindNames: Record<JourneyNodeKind, string> = NODE_KIND_NAMES,
): Map<string, string> {
  const seen: Partial<Record<JourneyNodeKind, number>> = {};
  const names = new Map<string, string>();
  const ordered = [...nodes].sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y || (a.id < b.id ? -1 : 1));
  const ends = nodes.filter((n) => n.kind === "end").length;
  for (const n of ordered) {
    const i = (seen[n.kind] = (seen[n.kind] ?? 0) + 1);
    const numbered = n.kind === "outbound" || n.kind === "wait" || (n.kind === "end" && ends > 1);
    names.set(n.id, n.label || (numbered ? `${kindNames[n.kind]} ${i}` : kindNames[n.kind]));
  }
  return names;
}

/** Reads stored node rows (config as Json) into the typed graph; malformed configs fall back to defaults. */
export function graphFromRows(
  nodes: readonly { id: string; kind: JourneyNodeKind; label: string | null; config: unknown; positionX: number; positionY: number }[],
  edges: readonly { id: string; sourceNodeId: string; targetNodeId: string; branchKey: string | null }[],
): JourneyGraph {
  return {
    nodes: nodes.map((n) => {
      const base = { id: n.id, label: n.label, position: { x: n.positionX, y: n.positionY } };
      switch (n.kind) {
        case "entry":
          return { ...base, kind: "entry", config: entryConfig.catch({ segmentId: null, schedule: null }).parse(n.config) };
        case "outbound":
          return {
            ...base,
            kind: "outbound",
            config: outboundConfig.catch({ scriptId: null, intentBranches: { enabled: false, branches: [] } }).parse(n.config),
          };
        case "wait":
          return { ...base, kind: "wait", config: waitConfig.catch({ amount: 1, unit: "days" }).parse(n.config) };
        case "end":
          return { ...base, kind: "end", config: {} };
      }
    }),
    edges: edges.map((e) => ({ id: e.id, source: e.sourceNodeId, target: e.targetNodeId, branchKey: e.branchKey })),
  };
}

/** The node an edge leads to from `nodeId` along `branchKey` (null: the plain single outgoing edge). */
export function nextNodeId(graph: Pick<JourneyGraph, "edges">, nodeId: string, branchKey: string | null): string | null {
  const edge = graph.edges.find((e) => e.source === nodeId && (e.branchKey ?? null) === branchKey);
  return edge?.target ?? null;
}

export function waitMillis(config: WaitConfig): number {
  const unit = config.unit === "minutes" ? 60_000 : config.unit === "hours" ? 3_600_000 : 86_400_000;
  return config.amount * unit;
}
