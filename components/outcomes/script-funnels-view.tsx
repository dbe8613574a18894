"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";

type Funnel = RouterOutputs["outcomes"]["scriptFunnels"]["total"];
const STEPS = ["dialed", "answered", "effective", "interested", "booked", "visited"] as const;

const yuan = (cents: number | null) => (cents === null ? "—" : `¥${(cents / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
const rate = (r: number | null) => (r === null ? "—" : `${r}%`);

/** The funnel as horizontal bars (plain SVG: no chart library is installed), each step's width relative to 呼叫. */
function FunnelBars({ funnel, label }: { funnel: Funnel; label: string }) {
  const t = useTranslations("outcomes");
  const max = Math.max(funnel.dialed, 1);
  const rowH = 28;
  return (
    <svg role="img" aria-label={label} data-testid="funnel-chart" viewBox={`0 0 640 ${STEPS.length * rowH}`} className="h-auto w-full max-w-3xl">
      {STEPS.map((step, i) => {
        const value = funnel[step];
        const width = Math.max((value / max) * 440, value > 0 ? 2 : 0);
        return (
          <g key={step} transform={`translate(0 ${i * rowH})`}>
            <text x={88} y={18} textAnchor="end" className="fill-muted-foreground text-[12px]">
              {t(`step_${step}`)}
            </text>
            <rect x={96} y={4} width={width} height={rowH - 8} rx={3} className="fill-primary" opacity={1 - i * 0.1} />
            <text x={104 + width} y={18} className="fill-foreground text-[12px] tabular-nums">
              {value.toLocaleString("zh-CN")}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** 效果分析: the company's funnel and one row per script (rules: docs/outcomes.md). */
export function ScriptFunnelsView() {
  const t = useTranslations("outcomes");
  const tcommon = useTranslations("common");
  const trpc = useTRPC();
  const { data } = useQuery(trpc.outcomes.scriptFunnels.queryOptions());
  if (!data) return null;
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("totalTitle")}</CardTitle>
          <CardDescription>{t("hint", { days: data.windowDays })}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          <FunnelBars funnel={data.total} label={t("totalTitle")} />
          <div className="flex flex-wrap gap-6 text-sm">
            <span>
              {t("revenue")}{tcommon("labelSeparator")}<strong data-testid="total-revenue">{yuan(data.total.revenueCents)}</strong>
            </span>
            <span>
              {t("costPerVisit")}{tcommon("labelSeparator")}<strong>{yuan(data.total.costPerVisitCents)}</strong>
            </span>
          </div>
        </CardContent>
      </Card>
      <div className="overflow-x-auto rounded-lg border bg-background">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("script")}</TableHead>
              {STEPS.map((s) => (
                <TableHead key={s} className="text-right">
                  {t(`step_${s}`)}
                </TableHead>
              ))}
              <TableHead className="text-right">{t("revenue")}</TableHead>
              <TableHead className="text-right">{t("costPerVisit")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.scripts.map(({ script, funnel }) => (
              <TableRow key={script.id} data-testid="funnel-row">
                <TableCell className="font-medium">{script.name}</TableCell>
                {STEPS.map((s) => (
                  <TableCell key={s} className="text-right tabular-nums">
                    <span data-testid={`funnel-${s}`}>{funnel[s].toLocaleString("zh-CN")}</span>
                    {s !== "dialed" ? <div className="text-xs text-muted-foreground">{rate(funnel.rates[s])}</div> : null}
                  </TableCell>
                ))}
                <TableCell className="text-right tabular-nums">{yuan(funnel.revenueCents)}</TableCell>
                <TableCell className="text-right tabular-nums">{yuan(funnel.costPerVisitCents)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
