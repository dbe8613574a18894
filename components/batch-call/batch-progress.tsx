"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { CheckCircle2, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/components/trpc/client";
import { ROSTER_STATUSES } from "@/server/domain/calls/roster";


/** After 开始呼叫: the batch's tasks by 执行状态 and its calls, refreshed until every call has finished. */
export function BatchProgress({ batchId, scriptId }: { batchId: string; scriptId: string }) {
  const t = useTranslations("batchCall");
  const tm = useTranslations("outboundManagement");
  const trpc = useTRPC();
  const progress = useQuery({ ...trpc.batchCall.progress.queryOptions({ batchId }), refetchInterval: (q) => (q.state.data?.done ? false : 3_000) });
  const p = progress.data;
  return (
    <Card data-testid="batch-progress">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          {p?.done ? <CheckCircle2 className="size-4 text-emerald-600" /> : <Loader2 className="size-4 animate-spin text-primary" />}
          {t("progressTitle")}
          <span className="text-sm font-normal text-muted-foreground" data-testid="progress-state">
            {p?.done ? t("progressDone") : t("progressHint")}
          </span>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap gap-6 text-sm">
          <span>
            {t("dialed")} <b className="tabular-nums" data-testid="progress-dialed">{p?.dialed ?? 0}</b>
          </span>
          <span>
            {t("answered")} <b className="tabular-nums" data-testid="progress-answered">{p?.answered ?? 0}</b>
          </span>
          {ROSTER_STATUSES.filter((s) => p?.byStatus[s]).map((s) => (
            <span key={s} data-testid={`progress-${s}`}>
              {tm(`rs_${s}`)} <b className="tabular-nums">{p?.byStatus[s]}</b>
            </span>
          ))}
        </div>
        <div className="flex gap-2">
          <Button asChild size="sm" variant="outline">
            <Link href={`/management/outbound/scripts/${scriptId}/detail`}>{t("toDetail")}</Link>
          </Button>
          <Button asChild size="sm" variant="outline">
            <Link href={`/call-records?scriptId=${scriptId}`}>{t("toRecords")}</Link>
          </Button>
          <Button asChild size="sm" variant="ghost">
            <Link href="/patients">{t("again")}</Link>
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
