"use client";

import { Info } from "lucide-react";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { CallMetrics } from "@/server/domain/calls/call-metrics";

type MetricKey = "pending" | "intercepted" | "dialed" | "failed" | "dispatchFailed" | "answeredPatients" | "answerRate" | "effectivePatients" | "effectiveRate" | "avgDuration";

/** The seed's 执行数据 and 通话数据, each figure with its definition as a tooltip. */
export function MetricCards({
  metrics,
  only,
  notApplicable,
}: {
  metrics: CallMetrics | undefined;
  only?: "execution";
  /** Figures the current filters say nothing about (task figures under a call-only filter): shown as —. */
  notApplicable?: readonly MetricKey[];
}) {
  const t = useTranslations("calls");
  const rate = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${v}%`);
  const na = (key: MetricKey, v: number | undefined) => (metrics && notApplicable?.includes(key) ? "—" : v);
  const execution: [MetricKey, string | number | undefined][] = [
    ["pending", na("pending", metrics?.execution.pending)],
    ["intercepted", na("intercepted", metrics?.execution.intercepted)],
    ["dialed", metrics?.execution.dialed],
    ["failed", metrics?.execution.failed],
    ["dispatchFailed", na("dispatchFailed", metrics?.execution.dispatchFailed)],
  ];
  const calls: [MetricKey, string | number | undefined][] = [
    ["answeredPatients", metrics?.calls.answeredPatients],
    ["answerRate", metrics && rate(metrics.calls.answerRate)],
    ["effectivePatients", metrics?.calls.effectivePatients],
    ["effectiveRate", metrics && rate(metrics.calls.effectiveRate)],
    ["avgDuration", metrics && (metrics.calls.avgDurationSec ?? "—")],
  ];
  const group = (title: string, items: [MetricKey, string | number | undefined][], testId: string) => (
    <Card className="gap-3 py-4" data-testid={testId}>
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{title}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 px-4" style={{ gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))` }}>
        {items.map(([key, value]) => (
          <div key={key} className="space-y-1" data-testid={`metric-${key}`}>
            <Tooltip>
              <TooltipTrigger asChild>
                <button type="button" className="flex items-center gap-1 text-left text-xs text-muted-foreground">
                  {t(`metric_${key}`)} <Info className="size-3" aria-hidden />
                </button>
              </TooltipTrigger>
              <TooltipContent className="max-w-64">{t(`metric_${key}_hint`)}</TooltipContent>
            </Tooltip>
            {value === undefined ? (
              <Skeleton className="h-7 w-14" />
            ) : (
              <div className="text-2xl font-semibold tabular-nums" data-testid="metric-value">
                {value}
              </div>
            )}
          </div>
        ))}
      </CardContent>
    </Card>
  );
  return (
    <div className={only ? "grid gap-4" : "grid gap-4 lg:grid-cols-[4fr_5fr]"}>
      {group(t("executionStats"), execution, "execution-stats")}
      {only ? null : group(t("callStats"), calls, "call-stats")}
    </div>
  );
}
