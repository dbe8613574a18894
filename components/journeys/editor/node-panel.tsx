"use client";

import { useTranslations } from "next-intl";
import { Trash2, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { nodeDisplayNames, WAIT_UNITS, type JourneyGraph, type JourneyNode, type WaitConfig } from "@/server/domain/journey/journey-graph";
import type { SegmentDefinitionInput } from "@/server/domain/segments/segment-definition";
import { ConnectionsEditor } from "./connections-editor";
import { EntryConfigForm } from "./entry-config";
import { removeNodes, setOutboundConfig, updateNode } from "./graph-ops";
import { NodeMetrics } from "./node-metrics";
import { NodeOutcomes } from "./node-outcomes";
import { NodeRoster } from "./node-roster";
import { OutboundConfigForm } from "./outbound-config";
import type { ScriptInfo } from "./use-node-views";
import { useNodeKindNames } from "@/components/i18n/use-vocabulary";

/** The selected node's side panel: its settings (配置), and once patients entered, 数据 and 旅程名单. */
export function NodePanel({
  journey,
  graph,
  node,
  title,
  editable,
  scripts,
  scriptInfo,
  segments,
  outboundUnavailable,
  onGraphChange,
  onClose,
}: {
  journey: { id: string; clinic: { id: string; timezone: string } };
  graph: JourneyGraph;
  node: JourneyNode;
  title: string;
  editable: boolean;
  scripts: ScriptInfo[];
  scriptInfo: Map<string, ScriptInfo>;
  segments: { id: string; name: string; definition: SegmentDefinitionInput | null }[];
  outboundUnavailable: string | null;
  onGraphChange: (fn: (g: JourneyGraph) => JourneyGraph) => void;
  onClose: () => void;
}) {
  const t = useTranslations("journeys");
  const kindNames = useNodeKindNames();
  const names = nodeDisplayNames(graph.nodes, kindNames);
  const setNode = (fn: (n: JourneyNode) => JourneyNode) => onGraphChange((g) => updateNode(g, node.id, fn));
  const current = node.kind === "outbound" && node.config.scriptId ? scriptInfo.get(node.config.scriptId) : undefined;
  // The outbound node's settings are locked (not just hidden) where the clinic cannot call.
  const lockOutbound = node.kind === "outbound" && outboundUnavailable !== null;

  const config = (
    <div className="space-y-5">
      {node.kind !== "entry" ? (
        <div className="space-y-2">
          <Label htmlFor="node-label">{t("nodeName")}</Label>
          <Input
            id="node-label"
            value={node.label ?? ""}
            maxLength={30}
            disabled={!editable || lockOutbound}
            placeholder={title}
            onChange={(e) => setNode((n) => ({ ...n, label: e.target.value || null }))}
          />
        </div>
      ) : null}
      {node.kind === "entry" ? (
        <EntryConfigForm
          config={node.config}
          clinicId={journey.clinic.id}
          timezone={journey.clinic.timezone}
          segments={segments}
          editable={editable}
          onChange={(c) => setNode((n) => ({ ...n, config: c }) as JourneyNode)}
        />
      ) : null}
      {node.kind === "outbound" ? (
        <OutboundConfigForm
          config={node.config}
          scripts={scripts}
          current={current}
          unavailable={outboundUnavailable}
          editable={editable}
          onChange={(c) => onGraphChange((g) => setOutboundConfig(g, node.id, c))}
        />
      ) : null}
      {node.kind === "wait" ? <WaitForm config={node.config} editable={editable} onChange={(c) => setNode((n) => ({ ...n, config: c }) as JourneyNode)} /> : null}
      <ConnectionsEditor
        graph={graph}
        node={node}
        names={names}
        intents={current?.intents ?? []}
        editable={editable && !lockOutbound}
        onGraphChange={onGraphChange}
      />
      {editable && node.kind !== "entry" && !lockOutbound ? (
        <Button variant="ghost" size="sm" className="text-destructive" onClick={() => onGraphChange((g) => removeNodes(g, [node.id]))}>
          <Trash2 className="size-4" /> {t("removeNode")}
        </Button>
      ) : null}
    </div>
  );

  return (
    <aside className="flex w-[380px] shrink-0 flex-col border-l" aria-label={title} data-testid="node-panel">
      <div className="flex items-center gap-2 border-b px-4 py-2">
        <span className="font-medium">{title}</span>
        <span className="text-xs text-muted-foreground">{t(`component_${node.kind}`)}</span>
        <Button variant="ghost" size="icon" className="ml-auto" onClick={onClose} aria-label={t("closePanel")}>
          <X className="size-4" />
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-4">
        {node.kind === "entry" ? (
          config
        ) : (
          <Tabs defaultValue={editable ? "config" : node.kind === "outbound" ? "metrics" : "roster"}>
            <TabsList className="mb-3 w-full">
              <TabsTrigger value="config">{t("tabConfig")}</TabsTrigger>
              {node.kind === "outbound" ? <TabsTrigger value="metrics" data-testid="tab-metrics">{t("tabMetrics")}</TabsTrigger> : null}
              <TabsTrigger value="roster" data-testid="tab-roster">
                {t("tabRoster")}
              </TabsTrigger>
            </TabsList>
            <TabsContent value="config">{config}</TabsContent>
            {node.kind === "outbound" ? (
              <TabsContent value="metrics" className="space-y-2">
                <NodeMetrics journeyId={journey.id} nodeId={node.id} />
                <NodeOutcomes journeyId={journey.id} nodeId={node.id} />
              </TabsContent>
            ) : null}
            <TabsContent value="roster">
              <NodeRoster journeyId={journey.id} nodeId={node.id} kind={node.kind} />
            </TabsContent>
          </Tabs>
        )}
      </div>
    </aside>
  );
}

function WaitForm({ config, editable, onChange }: { config: WaitConfig; editable: boolean; onChange: (c: WaitConfig) => void }) {
  const t = useTranslations("journeys");
  return (
    <div className="space-y-2">
      <Label>{t("waitFor")}</Label>
      <div className="flex gap-2">
        <Input
          type="number"
          min={1}
          max={365}
          className="w-24"
          aria-label={t("waitAmount")}
          disabled={!editable}
          value={config.amount}
          onChange={(e) => onChange({ ...config, amount: Math.max(1, Math.min(365, Math.floor(Number(e.target.value) || 1))) })}
        />
        <Select value={config.unit} disabled={!editable} onValueChange={(u) => onChange({ ...config, unit: u as WaitConfig["unit"] })}>
          <SelectTrigger className="w-28" aria-label={t("waitUnit")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {WAIT_UNITS.map((u) => (
              <SelectItem key={u} value={u}>
                {t(`unit_${u}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <p className="text-xs text-muted-foreground">{t("waitHint")}</p>
    </div>
  );
}
