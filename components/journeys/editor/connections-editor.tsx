"use client";

import { useTranslations } from "next-intl";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { branchLabel, type IntentOption } from "@/server/domain/journey/intent-branches";
import type { JourneyGraph, JourneyNode } from "@/server/domain/journey/journey-graph";
import { connect, disconnect, edgeFrom, outgoingSlots, PLAIN } from "./graph-ops";
import { useBranchWords } from "@/components/i18n/use-vocabulary";

const NONE = "__none__";

/** 后续节点: where each outgoing slot (or 客户意向 branch) of the node leads — the same as drawing the edge on the canvas. */
export function ConnectionsEditor({
  graph,
  node,
  names,
  intents,
  editable,
  onGraphChange,
}: {
  graph: JourneyGraph;
  node: JourneyNode;
  names: Map<string, string>;
  intents: IntentOption[];
  editable: boolean;
  onGraphChange: (fn: (g: JourneyGraph) => JourneyGraph) => void;
}) {
  const t = useTranslations("journeys");
  const branchWords = useBranchWords();
  const slots = outgoingSlots(node);
  if (slots.length === 0) return null;
  const targets = graph.nodes.filter((n) => n.kind !== "entry" && n.id !== node.id);
  return (
    <div className="space-y-2">
      <div className="text-sm font-medium">{t("nextNodes")}</div>
      {slots.map((slot) => {
        const edge = edgeFrom(graph, node.id, slot);
        const label = slot === PLAIN ? t("nextNode") : node.kind === "outbound" ? branchLabel(node.config.intentBranches, slot, intents, branchWords) : slot;
        return (
          <div key={slot} className="flex items-center gap-2">
            <span className="w-36 shrink-0 truncate text-xs text-muted-foreground" title={label}>
              {label}
            </span>
            <Select
              value={edge?.target ?? NONE}
              disabled={!editable}
              onValueChange={(v) => onGraphChange((g) => (v === NONE ? disconnect(g, node.id, slot) : connect(g, node.id, slot, v)))}
            >
              <SelectTrigger className="h-8 flex-1" aria-label={t("nextNodeFor", { slot: label })} data-testid={`next-${slot}`}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NONE}>{t("notConnected")}</SelectItem>
                {targets.map((n) => (
                  <SelectItem key={n.id} value={n.id}>
                    {names.get(n.id) ?? n.id}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        );
      })}
    </div>
  );
}
