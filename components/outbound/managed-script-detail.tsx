"use client";

import Link from "next/link";
import { CallingHoldBanner } from "./calling-hold-banner";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Radio } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CallingWindowNotice } from "@/components/calls/calling-window-notice";
import { formatInZone } from "@/components/calls/format-time";
import { MetricCards } from "@/components/calls/metric-cards";
import { ScriptRowActions } from "@/components/scripts/script-row-actions";
import { IntentLabelsDialog } from "@/components/scripts/intent-labels-dialog";
import { FunnelCharts } from "@/components/outcomes/funnel-charts";
import { VariantsDialog } from "@/components/scripts/variants-dialog";
import { ScriptStatusBadge } from "@/components/scripts/script-status-badge";
import { useTRPC } from "@/components/trpc/client";
import { ScriptRosterTable } from "./script-roster-table";
import { useRefreshAfterScriptChange } from "./use-refresh-after-script-change";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";

const LIVE_MS = 5_000;

/** 【详情】: 执行数据 and 通话数据 (refreshing while calls run) and 【客户名单】. */
export function ManagedScriptDetail({
  scriptId,
  canManage,
  canViewRecords,
  canConfigure = false,
}: {
  scriptId: string;
  canManage: boolean;
  canViewRecords: boolean;
  canConfigure?: boolean;
}) {
  const t = useTranslations("outboundManagement");
  const tcommon = useTranslations("common");
  const trpc = useTRPC();
  useRefreshAfterScriptChange();
  const detail = useQuery({
    ...trpc.outboundManagement.detail.queryOptions({ id: scriptId }),
    refetchInterval: (q) => (q.state.data?.active ? LIVE_MS : false),
  });
  const s = detail.data;
  if (!s) return <Skeleton className="h-64 w-full" />;

  return (
    <div className="space-y-4">
      <Link href="/management/outbound" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" /> {t("back")}
      </Link>
      <CallingHoldBanner canManage={canManage} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold" data-testid="managed-script-name">
          {s.name}
        </h1>
        <ScriptStatusBadge status={s.status} pauseReason={s.pauseReason} />
        <Badge variant="outline">{t(`kind_${s.kind}`)}</Badge>
        {s.journeyOnly ? <Badge variant="secondary">{t("journeyOnly")}</Badge> : null}
        <span className="text-sm text-muted-foreground">
          {tcommon("labelValue", { label: t("clinics"), value: s.clinics.map((c) => c.shortName).join(tcommon("listSeparator")) })}
        </span>
        {s.stoppedAt ? <span className="text-sm text-muted-foreground">{t("stoppedAt", { at: formatInZone(s.stoppedAt, DEFAULT_TIME_ZONE, "minute") })}</span> : null}
        <div className="ml-auto flex items-center gap-2">
          {canConfigure ? <IntentLabelsDialog scriptId={s.id} /> : null}
          {canConfigure ? <VariantsDialog scriptId={s.id} /> : null}
          {canViewRecords ? (
            <Button variant="outline" size="sm" asChild>
              <Link href={`/call-records?scriptId=${s.id}`}>{t("records")}</Link>
            </Button>
          ) : null}
          {canManage ? <ScriptRowActions script={s} /> : null}
        </div>
      </div>
      <Tabs defaultValue="overview">
        <TabsList>
          <TabsTrigger value="overview">{t("tabOverview")}</TabsTrigger>
          {canManage ? <TabsTrigger value="roster">{t("tabRoster")}</TabsTrigger> : null}
        </TabsList>
        <TabsContent value="overview" className="space-y-3 pt-2">
          <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="live-state" data-state={s.liveState.kind}>
            {s.liveState.kind === "calling" ? <Radio className="size-4 animate-pulse text-emerald-600" aria-hidden /> : null}
            {s.liveState.kind === "paused"
              ? t(s.liveState.reason === "insufficientBalance" ? "pausedForBalanceState" : "pausedState", { count: s.liveState.pending })
              : t(`state_${s.liveState.kind}`)}
          </p>
          <CallingWindowNotice wait={s.callingWindow} waiting={s.waitingForWindow} />
          <MetricCards metrics={s.metrics} />
          <FunnelCharts filter={{ scriptId: s.id }} />
        </TabsContent>
        {canManage ? (
          <TabsContent value="roster" className="pt-2">
            <div className="rounded-lg border bg-background p-4">
              <ScriptRosterTable scriptId={s.id} live={s.active} />
            </div>
          </TabsContent>
        ) : null}
      </Tabs>
    </div>
  );
}
