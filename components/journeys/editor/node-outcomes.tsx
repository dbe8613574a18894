"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/client";

const yuan = (cents: number) => `¥${(cents / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The node's 有意向 → 预约 → 到诊 → 消费, from the one funnel path (效果分析 reads the same). Hidden without 效果分析 access. */
export function NodeOutcomes({ journeyId, nodeId }: { journeyId: string; nodeId: string }) {
  const t = useTranslations("outcomes");
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.outcomes.funnel.queryOptions({ journeyId, nodeId }), retry: false });
  if (!q.data) return null;
  const f = q.data.funnel;
  const cells: [string, string | number][] = [
    [t("step_interested"), f.interested],
    [t("step_booked"), f.booked],
    [t("step_visited"), f.visited],
    [t("revenue"), yuan(f.revenueCents)],
  ];
  return (
    <div className="grid grid-cols-2 gap-2" data-testid="node-outcomes">
      {cells.map(([label, value]) => (
        <div key={label} className="rounded-md border p-2">
          <div className="text-xs text-muted-foreground">{label}</div>
          <div className="text-lg font-semibold tabular-nums">{value}</div>
        </div>
      ))}
    </div>
  );
}
