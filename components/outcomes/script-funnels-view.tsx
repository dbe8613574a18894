"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/client";

const STEPS = ["dialed", "answered", "effective", "interested", "booked", "visited"] as const;

const yuan = (cents: number | null) => (cents === null ? "—" : `¥${(cents / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
const rate = (r: number | null) => (r === null ? "—" : `${r}%`);

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
          <div className="flex flex-wrap gap-6 text-sm">
            <span>
              {t("revenue")}{tcommon("labelSeparator")}<strong data-testid="total-revenue">{yuan(data.total.revenueCents)}</strong>
            </span>
            <span>
              {t("costPerVisit")}{tcommon("labelSeparator")}<strong data-testid="total-cost-per-visit">{yuan(data.total.costPerVisitCents)}</strong>
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
                <TableCell className="text-right tabular-nums" data-testid="funnel-costPerVisit">
                  {yuan(funnel.costPerVisitCents)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
