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

export interface JourneyProblem {
  nodeId: string | null;
  message: string;
}

/** Everything that stops a journey from being published, in zh-CN, each tied to its node where there is one. */
export function validateJourney(graph: JourneyGraph, ctx: PublishContext): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const add = (nodeId: string | null, message: string) => problems.push({ nodeId, message });
  const names = nodeDisplayNames(graph.nodes);
  const name = (id: string) => `「${names.get(id) ?? id}」`;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const outgoing = (id: string) => graph.edges.filter((e) => e.source === id);

  const entries = graph.nodes.filter((n) => n.kind === "entry");
  if (entries.length !== 1) add(null, entries.length === 0 ? "旅程缺少开始节点" : "旅程只能有一个开始节点");
  if (!graph.nodes.some((n) => n.kind === "outbound")) add(null, "请至少添加一个触达组件（如智能外呼组件）");

  for (const e of graph.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) add(null, "存在未连接到节点的连线，请删除后重试");
    else if (e.source === e.target) add(e.source, `${name(e.source)}不能连接到自身`);
    else if (byId.get(e.target)!.kind === "entry") add(e.target, "开始节点不能有进入的连线");
  }

  for (const node of graph.nodes) {
    const out = outgoing(node.id);
    switch (node.kind) {
      case "entry":
        checkEntry(node, ctx, add);
        if (out.length !== 1) add(node.id, out.length === 0 ? "开始节点未连接后续节点" : "开始节点只能连接一个后续节点");
        break;
      case "wait":
        if (out.length !== 1) add(node.id, `${name(node.id)}${out.length === 0 ? "未连接后续节点" : "只能连接一个后续节点"}`);
        break;
      case "end":
        if (out.length > 0) add(node.id, "结束节点不能再连接后续节点");
        break;
      case "outbound":
        checkOutbound(node, out, ctx, name(node.id), add);
        break;
    }
  }

  const entry = entries[0];
  if (entry) {
    const reachable = reach(entry.id, graph);
    for (const n of graph.nodes) if (!reachable.has(n.id)) add(n.id, `${name(n.id)}未与开始节点连通`);
    if (hasCycle(graph)) add(null, "旅程中不能有循环的连线");
  }
  return dedupe(problems);
}

function checkEntry(node: Extract<JourneyNode, { kind: "entry" }>, ctx: PublishContext, add: (id: string, m: string) => void) {
  const { segmentId, schedule } = node.config;
  if (!segmentId) add(node.id, "开始节点未选择人群");
  else if (!ctx.segmentIds.has(segmentId)) add(node.id, "开始节点所选人群已被删除，请重新选择");
  if (!schedule) add(node.id, "开始节点未设置执行时间");
  else if (schedule.kind === "once" && onceInstant(schedule.at, ctx.timeZone) <= ctx.now) {
    add(node.id, "单次执行的时间已过，请重新选择执行时间");
  }
}

function checkOutbound(
  node: Extract<JourneyNode, { kind: "outbound" }>,
  out: JourneyGraph["edges"],
  ctx: PublishContext,
  name: string,
  add: (id: string, m: string) => void,
) {
  const { scriptId, intentBranches } = node.config;
  const script = scriptId ? ctx.scripts.get(scriptId) : undefined;
  if (!scriptId) add(node.id, `${name}未选择话术`);
  else if (!script) add(node.id, `${name}所选话术不存在或已删除`);
  else if (script.status !== "enabled") add(node.id, `${name}所选话术「${script.name}」不是启用状态`);
  const options = script?.intents ?? [];
  for (const m of validateIntentBranches(intentBranches, options)) add(node.id, `${name}：${m}`);

  const keys = branchKeys(intentBranches);
  if (keys.length === 0) {
    if (out.length === 0) add(node.id, `${name}未连接后续节点`);
    else if (out.length > 1 || out[0]!.branchKey) add(node.id, `${name}未开启客户意向多分支，只能连接一个后续节点`);
    return;
  }
  for (const key of keys) {
    const n = out.filter((e) => e.branchKey === key).length;
    const label = branchLabel(intentBranches, key, options);
    if (n === 0) add(node.id, `${name}的分支「${label}」未连接后续节点`);
    if (n > 1) add(node.id, `${name}的分支「${label}」只能连接一个后续节点`);
  }
  if (out.some((e) => !e.branchKey || !keys.includes(e.branchKey))) add(node.id, `${name}有连线对应的意向分支已不存在，请删除该连线`);
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
