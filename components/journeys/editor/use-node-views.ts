"use client";

import { useMemo } from "react";
import { MarkerType } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { branchLabel, type IntentOption } from "@/server/domain/journey/intent-branches";
import { nodeDisplayNames, type JourneyGraph } from "@/server/domain/journey/journey-graph";
import type { JourneyProblem } from "@/server/domain/journey/validate-journey";
import { scheduleText } from "../schedule-text";
import type { JourneyFlowEdge } from "./journey-edge";
import type { JourneyFlowNode } from "./journey-nodes";
import { outgoingSlots, PLAIN } from "./graph-ops";
import { useNodeKindNames, useBranchWords } from "@/components/i18n/use-vocabulary";

export interface ScriptInfo {
  id: string;
  name: string;
  kind: "ai" | "fixed";
  status?: string;
  intents: IntentOption[];
}

/** The graph as React Flow nodes and edges, with what each node shows (names, settings, roster counts, problems). */
export function useNodeViews(input: {
  graph: JourneyGraph;
  selectedId: string | null;
  editable: boolean;
  segments: Map<string, string>;
  scripts: Map<string, ScriptInfo>;
  rosterCounts: Record<string, { total: number; dispatched: number; dispatchFailed: number }>;
  problems: JourneyProblem[];
  outboundUnavailable: string | null;
}) {
  const t = useTranslations("journeys");
  const kindNames = useNodeKindNames();
  const branchWords = useBranchWords();
  const { graph, selectedId, editable, segments, scripts, rosterCounts, problems, outboundUnavailable } = input;

  return useMemo(() => {
    const names = nodeDisplayNames(graph.nodes, kindNames);
    const intentsOf = (scriptId: string | null) => (scriptId ? (scripts.get(scriptId)?.intents ?? []) : []);
    const nodes: JourneyFlowNode[] = graph.nodes.map((n) => {
      let lines: string[] = [];
      let slots = outgoingSlots(n).map((key) => ({ key, label: null as string | null }));
      if (n.kind === "entry") {
        const seg = n.config.segmentId ? (segments.get(n.config.segmentId) ?? t("segmentMissing")) : t("segmentNone");
        lines = [t("nodeSegment", { name: seg }), t("nodeSchedule", { schedule: scheduleText(t, n.config.schedule) })];
      } else if (n.kind === "outbound") {
        const script = n.config.scriptId ? scripts.get(n.config.scriptId) : undefined;
        lines = [script ? t("nodeScript", { name: script.name, kind: t(`scriptKind_${script.kind}`) }) : t("scriptNone")];
        if (n.config.intentBranches.enabled) {
          slots = slots.map((s) => ({ key: s.key, label: branchLabel(n.config.intentBranches, s.key, intentsOf(n.config.scriptId), branchWords) }));
        }
      } else if (n.kind === "wait") {
        lines = [t(`nodeWait_${n.config.unit}`, { amount: n.config.amount })];
      } else {
        lines = [t("nodeEnd")];
      }
      return {
        id: n.id,
        type: "journey",
        position: n.position,
        selected: n.id === selectedId,
        deletable: editable && n.kind !== "entry",
        draggable: editable,
        connectable: editable,
        data: {
          kind: n.kind,
          title: names.get(n.id) ?? n.id,
          lines,
          slots,
          counts: rosterCounts[n.id] ?? null,
          countsLabel: (c) =>
            n.kind === "outbound" ? t("nodeCountsOutbound", { ok: c.dispatched, failed: c.dispatchFailed }) : t("nodeCounts", { total: c.total }),
          problem: problems.some((p) => p.nodeId === n.id),
          unavailable: n.kind === "outbound" ? outboundUnavailable : null,
        },
      };
    });
    const edges: JourneyFlowEdge[] = graph.edges.map((e) => {
      const source = graph.nodes.find((n) => n.id === e.source);
      const label =
        source?.kind === "outbound" && source.config.intentBranches.enabled && e.branchKey
          ? branchLabel(source.config.intentBranches, e.branchKey, intentsOf(source.config.scriptId), branchWords)
          : null;
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        sourceHandle: e.branchKey ?? PLAIN,
        type: "journey",
        deletable: editable,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        data: { title: label ? t("edgeIntentTitle") : null, label, lane: source ? Math.max(0, outgoingSlots(source).indexOf(e.branchKey ?? PLAIN)) : 0 },
      };
    });
    return { nodes, edges, names };
  }, [graph, selectedId, editable, segments, scripts, rosterCounts, problems, outboundUnavailable, t, kindNames, branchWords]);
}
