"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";

/** Dials and answers per minute over the last hour (shadcn/ui chart on Recharts); answers overlay their minute's dials. */
export function PerMinuteChart({
  points,
  dialsLabel,
  answersLabel,
  formatMinute,
}: {
  points: readonly { minute: Date; dials: number; answers: number }[];
  dialsLabel: string;
  answersLabel: string;
  formatMinute: (d: Date) => string;
}) {
  const config = {
    dials: { label: dialsLabel, color: "var(--chart-2)" },
    answers: { label: answersLabel, color: "var(--chart-1)" },
  } satisfies ChartConfig;
  const data = points.map((p) => ({ at: new Date(p.minute).getTime(), dials: p.dials, answers: p.answers }));
  const dials = points.reduce((n, p) => n + p.dials, 0);
  const answers = points.reduce((n, p) => n + p.answers, 0);
  return (
    <figure data-testid="monitor-chart" data-dials={dials} data-answers={answers} aria-label={`${dialsLabel} ${dials} / ${answersLabel} ${answers}`}>
      <ChartContainer config={config} className="aspect-auto h-48 w-full">
        <BarChart data={data} margin={{ left: 0, right: 8, top: 8 }} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="at" tickLine={false} axisLine={false} minTickGap={24} tickFormatter={(v: number) => formatMinute(new Date(v))} />
          <YAxis width={28} allowDecimals={false} tickLine={false} axisLine={false} />
          <ChartTooltip
            cursor={false}
            content={<ChartTooltipContent labelFormatter={(_, payload) => formatMinute(new Date(Number(payload[0]?.payload?.at)))} />}
          />
          <ChartLegend content={<ChartLegendContent />} />
          <Bar dataKey="dials" fill="var(--color-dials)" radius={2} isAnimationActive={false} />
          <Bar dataKey="answers" fill="var(--color-answers)" radius={2} isAnimationActive={false} />
        </BarChart>
      </ChartContainer>
    </figure>
  );
}
