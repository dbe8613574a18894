"use client";

import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type EdgeChange, type NodeChange } from "@xyflow/react";
import { useFormatter, useTranslations } from "next-intl";
import { ArrowLeft, Loader2, Save } from "lucide-react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/components/trpc/client";
import type { JourneyGraph, JourneyNodeKind } from "@/server/domain/journey/journey-graph";
import type { JourneyProblem } from "@/server/domain/journey/validate-journey";
import { JourneyStatusBadge } from "../journey-status-badge";
import { useJourneyActions, type JourneyAction } from "../use-journey-actions";
import { ComponentLibrary } from "./component-library";
import { addNode, connect, newNode, placeNear, removeNodes, PLAIN } from "./graph-ops";
import { EDGE_TYPES } from "./journey-edge";
import { NODE_TYPES } from "./journey-nodes";
import { NodePanel } from "./node-panel";
import { useNodeViews, type ScriptInfo } from "./use-node-views";
import { useJourneyProblemText } from "@/components/i18n/use-vocabulary";

const STATUS_ACTIONS: Record<string, JourneyAction[]> = {
  draft: ["publish"],
  published: ["pause", "end"],
  paused: ["resume", "end"],
  ended: [],
};

export function JourneyEditor({ journeyId }: { journeyId: string }) {
  return (
    <ReactFlowProvider>
      <Editor journeyId={journeyId} />
    </ReactFlowProvider>
  );
}

/** The journey canvas: component library, React Flow graph, and the selected node's settings, roster and figures. */
function Editor({ journeyId }: { journeyId: string }) {
  const t = useTranslations("journeys");
  const tcommon = useTranslations("common");
  const problemText = useJourneyProblemText();
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const flow = useReactFlow();
  const journey = useQuery(trpc.journeys.byId.queryOptions({ id: journeyId }));
  const segments = useQuery(trpc.segments.list.queryOptions());
  const scriptOptions = useQuery(trpc.journeys.scripts.queryOptions({ journeyId }));

  const [graph, setGraph] = useState<JourneyGraph | null>(null);
  const [name, setName] = useState("");
  const [dirty, setDirty] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [problems, setProblems] = useState<JourneyProblem[]>([]);

  // Take the server's graph whenever it changes and nothing local is unsaved.
  useEffect(() => {
    if (!journey.data || dirty) return;
    setGraph(journey.data.graph);
    setName(journey.data.name);
  }, [journey.data, dirty]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Keep every node in view as nodes are added or removed.
  const nodeCount = graph?.nodes.length ?? 0;
  useEffect(() => {
    if (nodeCount === 0) return;
    const id = setTimeout(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 }), 50);
    return () => clearTimeout(id);
  }, [nodeCount, flow]);

  const data = journey.data;
  const editable = data?.editable ?? false;
  const edit = useCallback((fn: (g: JourneyGraph) => JourneyGraph) => {
    setGraph((g) => (g ? fn(g) : g));
    setDirty(true);
  }, []);

  const scripts = useMemo(() => {
    const map = new Map<string, ScriptInfo>();
    for (const s of Object.values(data?.scripts ?? {})) map.set(s.id, s);
    for (const s of scriptOptions.data ?? []) map.set(s.id, s);
    return map;
  }, [data?.scripts, scriptOptions.data]);
  const segmentNames = useMemo(() => new Map((segments.data ?? []).map((s) => [s.id, s.name])), [segments.data]);
  const outboundUnavailable = data && !data.outboundAccess.ok ? t(`outboundLocked_${data.outboundAccess.code}`, { clinic: data.outboundAccess.clinic ?? "" }) : null;

  const views = useNodeViews({
    graph: graph ?? { nodes: [], edges: [] },
    selectedId,
    editable,
    segments: segmentNames,
    scripts,
    rosterCounts: data?.rosterCounts ?? {},
    problems,
    outboundUnavailable,
  });

  const save = useMutation(
    trpc.journeys.save.mutationOptions({
      onError: (e) => toast.error(e.message),
    }),
  );
  const persist = async () => {
    if (!graph) return false;
    try {
      const res = await save.mutateAsync({ id: journeyId, name, graph });
      // Refetch first, then take the server's graph (its node ids replace the canvas's new ones).
      await queryClient.invalidateQueries({ queryKey: trpc.journeys.pathKey() });
      setSelectedId((id) => (id ? (res.nodeIds[id] ?? id) : id));
      setDirty(false);
      return true;
    } catch {
      return false;
    }
  };
  const actions = useJourneyActions({ onProblems: setProblems, onDeleted: () => router.push("/journeys") });

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      for (const c of changes) {
        if (c.type === "select" && c.selected) setSelectedId(c.id);
        if (c.type === "position" && c.position && editable) {
          const pos = c.position;
          setGraph((g) => (g ? { ...g, nodes: g.nodes.map((n) => (n.id === c.id ? { ...n, position: pos } : n)) } : g));
          if (!c.dragging) setDirty(true);
        }
      }
      const removed = changes.filter((c) => c.type === "remove").map((c) => c.id);
      if (removed.length && editable) {
        edit((g) => removeNodes(g, removed));
        setSelectedId((id) => (id && removed.includes(id) ? null : id));
      }
    },
    [edit, editable],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const removed = new Set(changes.filter((c) => c.type === "remove").map((c) => c.id));
      if (removed.size && editable) edit((g) => ({ ...g, edges: g.edges.filter((e) => !removed.has(e.id)) }));
    },
    [edit, editable],
  );

  const add = (kind: Exclude<JourneyNodeKind, "entry">, at?: { x: number; y: number }) => {
    if (!graph) return;
    const node = newNode(kind, at ?? placeNear(graph, selectedId));
    edit((g) => addNode(g, node, at ? null : selectedId));
    setSelectedId(node.id);
  };

  if (journey.isLoading || !graph || !data) {
    return (
      <div className="flex h-[70vh] items-center justify-center text-muted-foreground">
        <Loader2 className="mr-2 size-5 animate-spin" /> {t("loading")}
      </div>
    );
  }
  const selected = graph.nodes.find((n) => n.id === selectedId) ?? null;

  return (
    <div className="flex h-[calc(100vh-7.5rem)] flex-col overflow-hidden rounded-lg border bg-background">
      <div className="flex flex-wrap items-center gap-3 border-b px-4 py-2">
        <Button asChild variant="ghost" size="icon" aria-label={t("back")}>
          <Link href="/journeys">
            <ArrowLeft className="size-4" />
          </Link>
        </Button>
        <Input
          value={name}
          maxLength={30}
          disabled={!editable}
          onChange={(e) => {
            setName(e.target.value);
            setDirty(true);
          }}
          className="h-8 w-64 font-medium"
          aria-label={t("name")}
        />
        <JourneyStatusBadge status={data.status} />
        <span className="text-xs text-muted-foreground">
          {data.clinic.shortName} · {t("timezoneNote", { tz: data.clinic.timezone })}
        </span>
        {data.nextRunAt ? (
          <span className="text-xs text-muted-foreground" data-testid="journey-next-run">
            {t("nextRunAt", { at: format.dateTime(data.nextRunAt, { dateStyle: "short", timeStyle: "short" }) })}
          </span>
        ) : null}
        {data.lastRun ? (
          <span className="text-xs text-muted-foreground">
            {t("lastRunAt", { at: format.dateTime(data.lastRun.scheduledFor, { dateStyle: "short", timeStyle: "short" }), count: data.lastRun.entered })}
          </span>
        ) : null}
        {dirty ? <span className="text-xs text-amber-700">{t("unsaved")}</span> : null}
        <div className="ml-auto flex items-center gap-2">
          {editable ? (
            <Button variant="outline" size="sm" onClick={() => persist().then((ok) => ok && toast.success(t("savedToast")))} disabled={save.isPending} data-testid="save-journey">
              {save.isPending ? <Loader2 className="size-4 animate-spin" /> : <Save className="size-4" />}
              {t("save")}
            </Button>
          ) : null}
          {STATUS_ACTIONS[data.status]!.map((a) => (
            <Button
              key={a}
              size="sm"
              variant={a === "end" ? "outline" : "default"}
              disabled={actions.pending || save.isPending}
              data-testid={`journey-${a}`}
              onClick={async () => {
                if (dirty && !(await persist())) return;
                actions.run(journeyId, name, a);
              }}
            >
              {t(`action_${a}`)}
            </Button>
          ))}
        </div>
      </div>
      {data.status === "published" ? (
        <Alert className="rounded-none border-x-0 border-t-0 py-2">
          <AlertDescription className="text-xs">{t("publishedHint")}</AlertDescription>
        </Alert>
      ) : null}
      {problems.length ? (
        <Alert variant="destructive" className="rounded-none border-x-0 border-t-0 py-2" data-testid="canvas-problems">
          <AlertDescription className="text-xs">{problems.map(problemText).join(tcommon("sentenceSeparator"))}</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex min-h-0 flex-1">
        {editable ? <ComponentLibrary onAdd={(k) => add(k)} outboundUnavailable={outboundUnavailable} /> : null}
        <div
          className="relative min-w-0 flex-1"
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes("application/journey-node")) e.preventDefault();
          }}
          onDrop={(e) => {
            const kind = e.dataTransfer.getData("application/journey-node") as Exclude<JourneyNodeKind, "entry">;
            if (!kind || !editable) return;
            e.preventDefault();
            add(kind, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
          }}
          data-testid="journey-canvas"
        >
          <ReactFlow
            nodes={views.nodes}
            edges={views.edges}
            nodeTypes={NODE_TYPES}
            edgeTypes={EDGE_TYPES}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={(c) => c.sourceHandle !== undefined && edit((g) => connect(g, c.source, c.sourceHandle ?? PLAIN, c.target))}
            onPaneClick={() => setSelectedId(null)}
            nodesDraggable={editable}
            nodesConnectable={editable}
            deleteKeyCode={editable ? ["Backspace", "Delete"] : null}
            fitView
            fitViewOptions={{ padding: 0.25, maxZoom: 1 }}
            minZoom={0.3}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={20} />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
        {selected ? (
          <NodePanel
            key={selected.id}
            journey={data}
            graph={graph}
            node={selected}
            title={views.names.get(selected.id) ?? ""}
            editable={editable}
            scripts={scriptOptions.data ?? []}
            scriptInfo={scripts}
            segments={segments.data ?? []}
            outboundUnavailable={outboundUnavailable}
            onGraphChange={edit}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
      </div>
      {actions.dialogs}
    </div>
  );
}
