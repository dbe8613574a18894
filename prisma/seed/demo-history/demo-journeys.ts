/**
 * The demo's two published journeys, made through the product's services (人群 → 旅程 → canvas → 发布), with their
 * daily runs over the past weeks: each run is the product's runJourney at its scheduled instant.
 */
import type { JourneyGraphInput } from "../../../server/domain/journey/journey-graph";
import { changeJourneyStatus } from "../../../server/services/journeys/change-journey-status";
import { createJourney } from "../../../server/services/journeys/create-journey";
import { saveJourneyGraph } from "../../../server/services/journeys/save-journey-graph";
import { createSegment } from "../../../server/services/segments/create-segment";
import type { PrismaClient } from "../db";
import { atShanghai } from "../time";
import type { DemoActor } from "./demo-actor";
import type { DemoScripts } from "./demo-scripts";

export interface DemoJourney {
  id: string;
  name: string;
  /** Local time of the daily run. */
  hour: number;
  minute: number;
  publishedDaysAgo: number;
}

interface JourneySpec {
  name: string;
  segment: { name: string; conditions: unknown[] };
  clinicIdx: number;
  time: [number, number];
  script: keyof DemoScripts;
  branches: { key: string; intents: string[]; label: string }[];
  waitDays?: number;
  publishedDaysAgo: number;
}

const SPECS: readonly JourneySpec[] = [
  {
    name: "术后关怀回访",
    segment: { name: "当天有治疗划扣", conditions: [{ kind: "deductionWithin", days: 1 }] },
    clinicIdx: 0,
    time: [18, 30],
    script: "postop",
    branches: [
      { key: "A", intents: ["recovering"], label: "恢复良好" },
      { key: "B", intents: ["discomfort", "needsCallback"], label: "医生回电" },
    ],
    waitDays: 1,
    publishedDaysAgo: 30,
  },
  {
    name: "临期权益提醒",
    segment: { name: "权益3天内到期", conditions: [{ kind: "benefitExpiring", days: 3 }] },
    clinicIdx: 1,
    time: [10, 0],
    script: "benefit",
    branches: [
      { key: "A", intents: ["interested", "somewhatInterested"], label: "有意向到店" },
      { key: "B", intents: ["needsCallback"], label: "需回电" },
    ],
    publishedDaysAgo: 28,
  },
];

export async function createDemoJourneys(db: PrismaClient, actor: DemoActor, scripts: DemoScripts, now: Date): Promise<DemoJourney[]> {
  const out: DemoJourney[] = [];
  for (const spec of SPECS) {
    const clinicId = actor.openedClinicIds[spec.clinicIdx] ?? actor.openedClinicIds[0]!;
    const segment = await createSegment(db, actor.scope, actor.viewer, {
      name: spec.segment.name,
      definition: { match: "all", conditions: spec.segment.conditions },
    } as Parameters<typeof createSegment>[3]);
    const { id } = await createJourney(db, actor.scope, actor.viewer, { name: spec.name, clinicId });
    const entry = await db.journeyNode.findFirstOrThrow({ where: { journeyId: id, kind: "entry" }, select: { id: true } });
    await saveJourneyGraph(db, actor.scope, actor.viewer, { id, name: spec.name, graph: graphOf(spec, entry.id, segment.id, scripts[spec.script].id) });
    const publishedAt = atShanghai(now, -spec.publishedDaysAgo, 9, 40);
    const published = await changeJourneyStatus(db, actor.scope, actor.viewer, { id, action: "publish" }, publishedAt);
    if (!published.ok) throw new Error(`demo journey ${spec.name} does not publish: ${JSON.stringify(published.problems)}`);
    const createdAt = new Date(publishedAt.getTime() - 25 * 60_000);
    await db.journey.update({ where: { id }, data: { createdAt, publishedAt } });
    await db.segment.update({ where: { id: segment.id }, data: { createdAt: new Date(createdAt.getTime() - 10 * 60_000) } });
    out.push({ id, name: spec.name, hour: spec.time[0], minute: spec.time[1], publishedDaysAgo: spec.publishedDaysAgo });
  }
  return out;
}

function graphOf(spec: JourneySpec, entryId: string, segmentId: string, scriptId: string): JourneyGraphInput {
  const hhmm = `${String(spec.time[0]).padStart(2, "0")}:${String(spec.time[1]).padStart(2, "0")}`;
  const at = (x: number, y: number) => ({ x, y });
  const nodes: JourneyGraphInput["nodes"] = [
    { id: entryId, kind: "entry", position: at(40, 200), config: { segmentId, schedule: { kind: "daily", time: hhmm } } },
    {
      id: "call",
      kind: "outbound",
      position: at(340, 200),
      config: { scriptId, intentBranches: { enabled: true, branches: spec.branches.map((b) => ({ key: b.key as "A", intents: b.intents })) } },
    },
    { id: "endA", kind: "end", label: spec.branches[0]!.label, position: at(700, 60), config: {} },
    { id: "endB", kind: "end", label: spec.branches[1]!.label, position: at(1000, 220), config: {} },
    { id: "endRest", kind: "end", label: "其余", position: at(700, 420), config: {} },
  ];
  const edges: JourneyGraphInput["edges"] = [
    { id: "e1", source: entryId, target: "call" },
    { id: "e2", source: "call", target: "endA", branchKey: "A" },
    { id: "e5", source: "call", target: "endRest", branchKey: "empty" },
    { id: "e6", source: "call", target: "endRest", branchKey: "other" },
  ];
  if (spec.waitDays) {
    nodes.push({ id: "wait", kind: "wait", position: at(700, 220), config: { amount: spec.waitDays, unit: "days" } });
    edges.push({ id: "e3", source: "call", target: "wait", branchKey: "B" }, { id: "e4", source: "wait", target: "endB" });
  } else {
    edges.push({ id: "e3", source: "call", target: "endB", branchKey: "B" });
  }
  return { nodes, edges };
}
