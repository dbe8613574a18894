"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/client";

/** The 智能外呼组件's figures (seed §6.6–6.7), from the same metrics service as the script pages. */
export function NodeMetrics({ journeyId, nodeId }: { journeyId: string; nodeId: string }) {
  const t = useTranslations("journeys");
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.journeys.nodeMetrics.queryOptions({ journeyId }), refetchInterval: 15_000 });
  if (q.isLoading) return <Skeleton className="h-40 w-full" />;
  const m = q.data?.[nodeId];
  const rate = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${v}%`);
  const rows: [string, string | number][] = [
    ["m_pending", m?.execution.pending ?? 0],
    ["m_intercepted", m?.execution.intercepted ?? 0],
    ["m_dialed", m?.execution.dialed ?? 0],
    ["m_answeredCalls", m?.answeredCalls ?? 0],
    ["m_answerRate", rate(m?.calls.answerRate)],
    ["m_effectiveCalls", m?.effectiveCalls ?? 0],
    ["m_effectiveRate", rate(m?.calls.effectiveRate)],
    ["m_avgDuration", m?.calls.avgDurationSec ?? "—"],
    ["m_coverage", m?.coverage.total ?? 0],
    ["m_coverageOk", m?.coverage.dispatched ?? 0],
    ["m_coverageFailed", m?.coverage.dispatchFailed ?? 0],
  ];
  return (
    <div className="grid grid-cols-2 gap-2" data-testid="node-metrics">
      {rows.map(([key, value]) => (
        <div key={key} className="rounded-md border p-2" title={t(`${key}_hint`)} data-testid={key}>
          <div className="text-xs text-muted-foreground">{t(key)}</div>
          <div className="text-lg font-semibold tabular-nums" data-testid="metric-value">
            {value}
          </div>
        </div>
      ))}
    </div>
  );
}
