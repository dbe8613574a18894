"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/client";
import type { RouterInputs, RouterOutputs } from "@/components/trpc/types";

type FunnelFilter = RouterInputs["outcomes"]["funnel"];
type FunnelResult = RouterOutputs["outcomes"]["funnel"];
const STEPS = ["dialed", "answered", "effective", "interested", "booked", "visited"] as const;

/** The funnel as horizontal bars, 呼叫 to 到诊 (shadcn/ui chart on Recharts). */
export function FunnelBarChart({ data }: { data: FunnelResult }) {
  const t = useTranslations("outcomes");
  const config = { value: { label: t("chartCount"), color: "var(--chart-1)" } } satisfies ChartConfig;
  const rows = STEPS.map((s) => ({ step: t(`step_${s}`), value: data.funnel[s] }));
  return (
    <ChartContainer config={config} className="aspect-auto h-64 w-full" data-testid="funnel-chart" role="img" aria-label={t("chartFunnel")}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 48 }}>
        <CartesianGrid horizontal={false} />
        <YAxis dataKey="step" type="category" width={72} tickLine={false} axisLine={false} />
        <XAxis type="number" hide />
        <ChartTooltip content={<ChartTooltipContent hideLabel={false} />} />
        <Bar dataKey="value" fill="var(--color-value)" radius={4} isAnimationActive={false}>
          <LabelList dataKey="value" position="right" className="fill-foreground" fontSize={12} />
        </Bar>
      </BarChart>
    </ChartContainer>
  );
}

/** Week over week: calls (bars' axis) with the answer and booking rates (percent axis). */
export function WeeklyTrendChart({ data }: { data: FunnelResult }) {
  const t = useTranslations("outcomes");
  const config = {
    dialed: { label: t("step_dialed"), color: "var(--chart-1)" },
    answerRate: { label: t("answerRate"), color: "var(--chart-2)" },
    bookingRate: { label: t("bookingRate"), color: "var(--chart-4)" },
  } satisfies ChartConfig;
  if (data.weeks.length === 0) return <p className="text-sm text-muted-foreground">{t("noTrend")}</p>;
  return (
    <ChartContainer config={config} className="aspect-auto h-64 w-full" data-testid="trend-chart" role="img" aria-label={t("chartTrend")}>
      <LineChart data={data.weeks} margin={{ left: 4, right: 4 }}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="week" tickLine={false} axisLine={false} tickFormatter={(w: string) => w.slice(5)} />
        <YAxis yAxisId="calls" tickLine={false} axisLine={false} width={48} />
        <YAxis yAxisId="rate" orientation="right" tickLine={false} axisLine={false} width={40} unit="%" />
        <ChartTooltip content={<ChartTooltipContent />} />
        <ChartLegend content={<ChartLegendContent />} />
        <Line yAxisId="calls" dataKey="dialed" stroke="var(--color-dialed)" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line yAxisId="rate" dataKey="answerRate" stroke="var(--color-answerRate)" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        <Line yAxisId="rate" dataKey="bookingRate" stroke="var(--color-bookingRate)" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
    </ChartContainer>
  );
}

/** The funnel and weekly trend of one cut (script, clinic, batch, journey, node; dates) — the one funnel path. */
export function FunnelCharts({ filter, title }: { filter: FunnelFilter; title?: string }) {
  const t = useTranslations("outcomes");
  const trpc = useTRPC();
  const { data } = useQuery(trpc.outcomes.funnel.queryOptions(filter));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle className="text-base">{title ?? t("chartFunnel")}</CardTitle>
        </CardHeader>
        <CardContent>{data ? <FunnelBarChart data={data} /> : <Skeleton className="h-64 w-full" />}</CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("chartTrend")}</CardTitle>
        </CardHeader>
        <CardContent>{data ? <WeeklyTrendChart data={data} /> : <Skeleton className="h-64 w-full" />}</CardContent>
      </Card>
    </div>
  );
}
