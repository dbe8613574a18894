"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { AlertTriangle, Clock, Flag, PhoneCall, PlayCircle } from "lucide-react";
import { cn } from "@/lib/utils";

export interface JourneyNodeData extends Record<string, unknown> {
  kind: "entry" | "outbound" | "wait" | "end";
  title: string;
  lines: string[];
  /** Outgoing slots: one handle each, with the branch label (or none for a plain single edge). */
  slots: { key: string; label: string | null }[];
  counts: { total: number; dispatched: number; dispatchFailed: number } | null;
  countsLabel: (c: { total: number; dispatched: number; dispatchFailed: number }) => string;
  problem: boolean;
  unavailable: string | null;
}

export type JourneyFlowNode = Node<JourneyNodeData>;

const ICONS = { entry: PlayCircle, outbound: PhoneCall, wait: Clock, end: Flag };
const TONES = {
  entry: "border-emerald-300 bg-emerald-50 text-emerald-700",
  outbound: "border-sky-300 bg-sky-50 text-sky-700",
  wait: "border-amber-300 bg-amber-50 text-amber-700",
  end: "border-slate-300 bg-slate-50 text-slate-600",
};

/** One node on the canvas: an icon, its name, what it is configured to do, and one handle per outgoing slot. */
export function JourneyNodeView({ data, selected }: NodeProps<JourneyFlowNode>) {
  const Icon = ICONS[data.kind];
  const branched = data.slots.some((s) => s.label);
  return (
    <div
      className={cn(
        "w-60 rounded-lg border bg-background text-left shadow-sm transition-shadow",
        selected && "ring-2 ring-primary",
        data.problem && "border-destructive ring-1 ring-destructive/50",
      )}
      data-testid={`node-${data.title}`}
    >
      {data.kind !== "entry" ? <Handle type="target" position={Position.Left} className="!size-3 !bg-muted-foreground" /> : null}
      <div className="flex items-center gap-2 border-b px-3 py-2">
        <span className={cn("flex size-7 items-center justify-center rounded-md border", TONES[data.kind])}>
          <Icon className="size-4" aria-hidden />
        </span>
        <span className="truncate text-sm font-medium">{data.title}</span>
        {data.unavailable ? <AlertTriangle className="ml-auto size-4 text-amber-500" aria-label={data.unavailable} /> : null}
      </div>
      <div className="space-y-0.5 px-3 py-2 text-xs text-muted-foreground">
        {data.lines.map((l, i) => (
          <div key={i} className="truncate">
            {l}
          </div>
        ))}
        {data.counts && data.counts.total > 0 ? <div className="pt-1 text-foreground" data-testid="node-counts">{data.countsLabel(data.counts)}</div> : null}
      </div>
      {branched ? (
        <div className="border-t py-1">
          {data.slots.map((s) => (
            <div key={s.key} className="relative h-7 px-3 text-right text-xs leading-7" data-testid={`slot-${s.key}`}>
              {s.label}
              <Handle id={s.key} type="source" position={Position.Right} className="!size-3 !bg-sky-500" style={{ top: "50%" }} />
            </div>
          ))}
        </div>
      ) : data.slots.length ? (
        <Handle id={data.slots[0]!.key} type="source" position={Position.Right} className="!size-3 !bg-primary" />
      ) : null}
    </div>
  );
}

export const NODE_TYPES = { journey: JourneyNodeView };
