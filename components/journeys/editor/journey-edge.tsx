"use client";

import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from "@xyflow/react";

export type JourneyFlowEdge = Edge<{ title: string | null; label: string | null; lane: number }>;

/** An edge; a 客户意向 branch edge carries a pill with its title and intents, e.g. 客户意向 / A(确认到店). */
export function JourneyEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data, selected }: EdgeProps<JourneyFlowEdge>) {
  // Branch edges leave the node a few pixels apart, so their labels sit at the start of each edge, not mid-way.
  const branch = Boolean(data?.label);
  const [path] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 10,
    // Each branch turns at its own x, so lines to different targets stay apart.
    ...(branch && targetX > sourceX + 240 ? { centerX: sourceX + 170 + (data?.lane ?? 0) * 14 } : {}),
  });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ strokeWidth: selected ? 2.5 : 1.5 }} />
      {data?.label ? (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-auto absolute flex items-center gap-1 whitespace-nowrap rounded border bg-background px-1.5 text-[11px] leading-[18px] shadow-xs"
            style={{ transform: `translate(0, -50%) translate(${sourceX + 10}px, ${sourceY}px)` }}
            data-testid="edge-label"
          >
            {data.title ? <span className="text-muted-foreground">{data.title}</span> : null}
            <span className="font-medium">{data.label}</span>
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const EDGE_TYPES = { journey: JourneyEdgeView };
