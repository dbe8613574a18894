import { branchKeys, branchLabel, validateIntentBranches, type IntentOption } from "./intent-branches";
import { nodeDisplayNames, type JourneyGraph, type JourneyNode } from "./journey-graph";
import { onceInstant } from "./journey-schedule";

/** What publishing needs to know beyond the graph, loaded by the caller. */
export interface PublishContext {
  now: Date;
  timeZone: string;
  segmentIds: ReadonlySet<string>;
  scripts: ReadonlyMap<string, { name: string; status: "enabled" | "paused" | "stopped"; intents: IntentOption[] }>;
}

/**
 * Every problem in zh-CN, with `{node}` (a node's display name), `{branch}` (a branch label), `{script}`, `{intent}`,
 * `{key}`, `{other}`, `{max}` filled from its params. The UI words them from `journeys.problem_<code>` with the same
 * params (a unit test keeps the zh-CN messages equal to these).
 */
export const JOURNEY_PROBLEM_TEXTS = {
  noEntry: "旅程缺少开始节点",
  manyEntries: "旅程只能有一个开始节点",
  noOutbound: "请至少添加一个触达组件（如智能外呼组件）",
  danglingEdge: "存在未连接到节点的连线，请删除后重试",
  selfLoop: "「{node}」不能连接到自身",
  edgeIntoEntry: "开始节点不能有进入的连线",
  entryNotConnected: "开始节点未连接后续节点",
  entryManyNext: "开始节点只能连接一个后续节点",
  nodeNotConnected: "「{node}」未连接后续节点",
  nodeManyNext: "「{node}」只能连接一个后续节点",
  endHasNext: "结束节点不能再连接后续节点",
  unreachable: "「{node}」未与开始节点连通",
  cycle: "旅程中不能有循环的连线",
  entryNoSegment: "开始节点未选择人群",
  entrySegmentDeleted: "开始节点所选人群已被删除，请重新选择",
  entryNoSchedule: "开始节点未设置执行时间",
  oncePassed: "单次执行的时间已过，请重新选择执行时间",
  outboundNoScript: "「{node}」未选择话术",
  outboundScriptMissing: "「{node}」所选话术不存在或已删除",
  outboundScriptNotEnabled: "「{node}」所选话术「{script}」不是启用状态",
  branchTooMany: "「{node}」：意向分支最多添加 {max} 条",
  branchNone: "「{node}」：已开启客户意向多分支，请至少添加一条意向分支",
  branchDuplicate: "「{node}」：意向分支「{key}」重复",
  branchNoIntents: "「{node}」：意向分支「{key}」未选择客户意向",
  intentUsedTwice: "「{node}」：客户意向「{intent}」已在分支「{other}」中使用，每个意向只能选择一次",
  intentNotInScript: "「{node}」：分支「{key}」的客户意向「{intent}」不属于所选话术",
  outboundSingleOnly: "「{node}」未开启客户意向多分支，只能连接一个后续节点",
  branchNotConnected: "「{node}」的分支「{branch}」未连接后续节点",
  branchManyNext: "「{node}」的分支「{branch}」只能连接一个后续节点",
  branchEdgeGone: "「{node}」有连线对应的意向分支已不存在，请删除该连线",
  outboundLocked: "智能外呼组件不可用：{reason}",
} as const;
export type JourneyProblemCode = keyof typeof JOURNEY_PROBLEM_TEXTS;
/** `lock` and `clinic` say why the call node is unavailable (journeys.outboundLocked_<lock>); `reason` is that in zh-CN. */
export type JourneyProblemParams = Partial<Record<"node" | "branch" | "script" | "intent" | "key" | "other" | "reason" | "lock" | "clinic", string>> & {
  max?: number;
};

export interface JourneyProblem {
  nodeId: string | null;
  code: JourneyProblemCode;
  params: JourneyProblemParams;
  /** zh-CN. */
  message: string;
}

export function journeyProblemText(code: JourneyProblemCode, params: JourneyProblemParams): string {
  return JOURNEY_PROBLEM_TEXTS[code].replace(/\{(\w+)\}/g, (_, k: keyof JourneyProblemParams) => String(params[k] ?? ""));
}

type Add = (nodeId: string | null, code: JourneyProblemCode, params?: JourneyProblemParams) => void;

/** Everything that stops a journey from being published, each tied to its node where there is one. */
export function validateJourney(graph: JourneyGraph, ctx: PublishContext): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const add: Add = (nodeId, code, params = {}) => problems.push({ nodeId, code, params, message: journeyProblemText(code, params) });
  const names = nodeDisplayNames(graph.nodes);
  const name = (id: string) => names.get(id) ?? id;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const outgoing = (id: string) => graph.edges.filter((e) => e.source === id);

  const entries = graph.nodes.filter((n) => n.kind === "entry");
  if (entries.length !== 1) add(null, entries.length === 0 ? "noEntry" : "manyEntries");
  if (!graph.nodes.some((n) => n.kind === "outbound")) add(null, "noOutbound");

  for (const e of graph.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) add(null, "danglingEdge");
    else if (e.source === e.target) add(e.source, "selfLoop", { node: name(e.source) });
    else if (byId.get(e.target)!.kind === "entry") add(e.target, "edgeIntoEntry");
  }

  for (const node of graph.nodes) {
    const out = outgoing(node.id);
    switch (node.kind) {
      case "entry":
        checkEntry(node, ctx, add);
        if (out.length !== 1) add(node.id, out.length === 0 ? "entryNotConnected" : "entryManyNext");
        break;
      case "wait":
        if (out.length !== 1) add(node.id, out.length === 0 ? "nodeNotConnected" : "nodeManyNext", { node: name(node.id) });
        break;
      case "end":
        if (out.length > 0) add(node.id, "endHasNext");
        break;
      case "outbound":
        checkOutbound(node, out, ctx, name(node.id), add);
        break;
    }
  }

  const entry = entries[0];
  if (entry) {
    const reachable = reach(entry.id, graph);
    for (const n of graph.nodes) if (!reachable.has(n.id)) add(n.id, "unreachable", { node: name(n.id) });
    if (hasCycle(graph)) add(null, "cycle");
  }
  return dedupe(problems);
}

function checkEntry(node: Extract<JourneyNode, { kind: "entry" }>, ctx: PublishContext, add: Add) {
  const { segmentId, schedule } = node.config;
  if (!segmentId) add(node.id, "entryNoSegment");
  else if (!ctx.segmentIds.has(segmentId)) add(node.id, "entrySegmentDeleted");
  if (!schedule) add(node.id, "entryNoSchedule");
  else if (schedule.kind === "once" && onceInstant(schedule.at, ctx.timeZone) <= ctx.now) {
    add(node.id, "oncePassed");
  }
}

function checkOutbound(node: Extract<JourneyNode, { kind: "outbound" }>, out: JourneyGraph["edges"], ctx: PublishContext, name: string, add: Add) {
  const { scriptId, intentBranches } = node.config;
  const script = scriptId ? ctx.scripts.get(scriptId) : undefined;
  if (!scriptId) add(node.id, "outboundNoScript", { node: name });
  else if (!script) add(node.id, "outboundScriptMissing", { node: name });
  else if (script.status !== "enabled") add(node.id, "outboundScriptNotEnabled", { node: name, script: script.name });
  const options = script?.intents ?? [];
  for (const p of validateIntentBranches(intentBranches, options)) add(node.id, p.code, { ...p.params, node: name });

  const keys = branchKeys(intentBranches);
  if (keys.length === 0) {
    if (out.length === 0) add(node.id, "nodeNotConnected", { node: name });
    else if (out.length > 1 || out[0]!.branchKey) add(node.id, "outboundSingleOnly", { node: name });
    return;
  }
  for (const key of keys) {
    const n = out.filter((e) => e.branchKey === key).length;
    const branch = branchLabel(intentBranches, key, options);
    if (n === 0) add(node.id, "branchNotConnected", { node: name, branch });
    if (n > 1) add(node.id, "branchManyNext", { node: name, branch });
  }
  if (out.some((e) => !e.branchKey || !keys.includes(e.branchKey))) add(node.id, "branchEdgeGone", { node: name });
}

function reach(from: string, graph: JourneyGraph): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of graph.edges) {
      if (e.source === id && !seen.has(e.target)) {
        seen.add(e.target);
        queue.push(e.target);
      }
    }
  }
  return seen;
}

function hasCycle(graph: JourneyGraph): boolean {
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 1) return true;
    if (state.get(id) === 2) return false;
    state.set(id, 1);
    for (const e of graph.edges) if (e.source === id && visit(e.target)) return true;
    state.set(id, 2);
    return false;
  };
  return graph.nodes.some((n) => visit(n.id));
}

function dedupe(problems: JourneyProblem[]): JourneyProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.message) ? false : (seen.add(p.message), true)));
}
