import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { journeyGraph, type JourneyGraph, type JourneyGraphInput } from "./journey-graph";
import { JOURNEY_PROBLEM_TEXTS, validateJourney, type PublishContext } from "./validate-journey";

const INTENTS = [
  { key: "confirmed", label: "确认到店" },
  { key: "reschedule", label: "需要改约" },
];
const ctx: PublishContext = {
  now: new Date("2026-11-25T00:00:00Z"),
  timeZone: "Asia/Shanghai",
  segmentIds: new Set(["seg1"]),
  scripts: new Map([
    ["s1", { name: "预约到店提醒", status: "enabled", intents: INTENTS }],
    ["s2", { name: "旧话术", status: "stopped", intents: INTENTS }],
  ]),
};
const at = { x: 0, y: 0 };

function graph(input: JourneyGraphInput): JourneyGraph {
  return journeyGraph.parse(input);
}

function valid(): JourneyGraphInput {
  return {
    nodes: [
      { id: "e", kind: "entry", position: at, config: { segmentId: "seg1", schedule: { kind: "daily", time: "10:00" } } },
      {
        id: "o",
        kind: "outbound",
        position: at,
        config: { scriptId: "s1", intentBranches: { enabled: true, branches: [{ key: "A", intents: ["confirmed"] }] } },
      },
      { id: "w", kind: "wait", position: at, config: { amount: 1, unit: "days" } },
      { id: "end1", kind: "end", position: at, config: {} },
      { id: "end2", kind: "end", position: at, config: {} },
    ],
    edges: [
      { id: "1", source: "e", target: "o" },
      { id: "2", source: "o", target: "end1", branchKey: "A" },
      { id: "3", source: "o", target: "w", branchKey: "empty" },
      { id: "4", source: "o", target: "end2", branchKey: "other" },
      { id: "5", source: "w", target: "end2" },
    ],
  };
}

const messages = (g: JourneyGraphInput, c = ctx) => validateJourney(graph(g), c).map((p) => p.message);

describe("publishing validates the journey graph", () => {
  it("accepts a complete journey", () => {
    expect(messages(valid())).toEqual([]);
  });

  it("says what the entry node is missing", () => {
    const g = valid();
    g.nodes[0] = { id: "e", kind: "entry", position: at, config: { segmentId: null, schedule: null } };
    expect(messages(g)).toEqual(["开始节点未选择人群", "开始节点未设置执行时间"]);
    g.nodes[0] = { id: "e", kind: "entry", position: at, config: { segmentId: "gone", schedule: { kind: "once", at: "2026-11-01T10:00" } } };
    expect(messages(g)).toEqual(["开始节点所选人群已被删除，请重新选择", "单次执行的时间已过，请重新选择执行时间"]);
  });

  it("requires exactly one entry and at least one 智能外呼组件", () => {
    expect(messages({ nodes: [], edges: [] })).toEqual(["旅程缺少开始节点", "请至少添加一个触达组件（如智能外呼组件）"]);
    const g = valid();
    g.nodes.push({ id: "e2", kind: "entry", position: at, config: { segmentId: "seg1", schedule: { kind: "daily", time: "09:00" } } });
    expect(messages(g)).toContain("旅程只能有一个开始节点");
  });

  it("names the outbound node whose script is missing or not enabled", () => {
    const g = valid();
    (g.nodes[1] as { config: { scriptId: string | null } }).config.scriptId = null;
    expect(messages(g)).toContain("「智能外呼 1」未选择话术");
    (g.nodes[1] as { config: { scriptId: string | null } }).config.scriptId = "s2";
    expect(messages(g)).toContain("「智能外呼 1」所选话术「旧话术」不是启用状态");
  });

  it("requires one edge per intent branch, including 默认为空 and 其他", () => {
    const g = valid();
    g.edges = g.edges.filter((e) => e.branchKey !== "other");
    expect(messages(g)).toEqual(["「智能外呼 1」的分支「其他」未连接后续节点"]);
    g.edges.push({ id: "x", source: "o", target: "end2", branchKey: "A" });
    expect(messages(g)).toContain("「智能外呼 1」的分支「A(确认到店)」只能连接一个后续节点");
  });

  it("rejects intent branches that reuse an intent", () => {
    const g = valid();
    (g.nodes[1] as { config: unknown }).config = {
      scriptId: "s1",
      intentBranches: { enabled: true, branches: [{ key: "A", intents: ["confirmed"] }, { key: "B", intents: ["confirmed"] }] },
    };
    g.edges.push({ id: "b", source: "o", target: "end1", branchKey: "B" });
    expect(messages(g)).toContain("「智能外呼 1」：客户意向「确认到店」已在分支「A」中使用，每个意向只能选择一次");
  });

  it("allows a single plain edge when branches are off", () => {
    const g = valid();
    (g.nodes[1] as { config: unknown }).config = { scriptId: "s1", intentBranches: { enabled: false, branches: [] } };
    expect(messages(g)).toContain("「智能外呼 1」未开启客户意向多分支，只能连接一个后续节点");
    g.edges = [
      { id: "1", source: "e", target: "o" },
      { id: "2", source: "o", target: "end1" },
    ];
    g.nodes = g.nodes.filter((n) => n.id !== "w" && n.id !== "end2");
    expect(messages(g)).toEqual([]);
  });

  it("finds disconnected nodes, dangling edges and cycles", () => {
    const g = valid();
    g.nodes.push({ id: "lonely", kind: "wait", label: "等三天", position: at, config: { amount: 3, unit: "days" } });
    expect(messages(g)).toEqual(expect.arrayContaining(["「等三天」未连接后续节点", "「等三天」未与开始节点连通"]));

    const cyc = valid();
    cyc.nodes.push({ id: "w2", kind: "wait", position: at, config: { amount: 1, unit: "hours" } });
    cyc.edges = cyc.edges.map((e) => (e.id === "5" ? { ...e, target: "w2" } : e));
    cyc.edges.push({ id: "6", source: "w2", target: "w" });
    expect(messages(cyc)).toContain("旅程中不能有循环的连线");

    const dangling = valid();
    dangling.edges.push({ id: "7", source: "w", target: "nowhere" });
    expect(messages(dangling)).toContain("存在未连接到节点的连线，请删除后重试");
  });

  it("refuses edges into the entry node and out of end nodes", () => {
    const g = valid();
    g.edges.push({ id: "8", source: "end1", target: "e" });
    expect(messages(g)).toEqual(expect.arrayContaining(["开始节点不能有进入的连线", "结束节点不能再连接后续节点"]));
  });
});

describe("problem wording", () => {
  it("zh-CN messages (journeys.problem_<code>) say exactly what the domain says", () => {
    const zh = JSON.parse(readFileSync(path.join(process.cwd(), "server/i18n/messages/zh-CN/journeys.json"), "utf8")).journeys as Record<string, string>;
    for (const [code, text] of Object.entries(JOURNEY_PROBLEM_TEXTS)) expect(zh[`problem_${code}`], code).toBe(text);
  });
});
