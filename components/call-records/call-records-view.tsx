"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CallDetailDialog } from "@/components/calls/call-detail-dialog";
import { formatDuration, formatInZone } from "@/components/calls/format-time";
import { MetricCards } from "@/components/calls/metric-cards";
import { OutcomeBadge } from "@/components/calls/outcome-badge";
import { useTRPC } from "@/components/trpc/client";
import { CallRecordFilters } from "./call-record-filters";
import { ScriptReanalysis } from "./script-reanalysis";
import { parseCallRecordSearch } from "./call-record-search";
import { TableLoadingRows, TableEmptyRow } from "@/components/shell/table-status-rows";

const REFRESH_MS = 10_000;

/** 话单记录: execution summary, filters, the paginated call table, 详情 and 下载录音. */
export function CallRecordsView({ canPlayRecordings, canReanalyze = false }: { canPlayRecordings: boolean; canReanalyze?: boolean }) {
  const t = useTranslations("callRecords");
  const tc = useTranslations("calls");
  const tcommon = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const input = useMemo(() => parseCallRecordSearch(new URLSearchParams(params.toString())), [params]);
  const [openId, setOpenId] = useState<string | null>(null);

  const summary = useQuery({
    ...trpc.callRecords.summary.queryOptions({ scriptId: input.scriptId }),
    // Keep the figures live while calls are still waiting to be placed.
    refetchInterval: (q) => ((q.state.data?.metrics.execution.pending ?? 0) > 0 ? REFRESH_MS : false),
  });
  const list = useQuery({
    ...trpc.callRecords.list.queryOptions(input),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.outcome === null) || (summary.data?.metrics.execution.pending ?? 0) > 0 ? REFRESH_MS : false),
  });

  const setParams = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    if (!("page" in patch)) next.delete("page");
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const page = input.page ?? 1;
  const pages = Math.max(1, Math.ceil(total / (input.pageSize ?? 20)));
  const filtered = !!(input.scriptId || input.consultantId || input.onlineConsultantId || input.outcome || input.callback || input.from || input.to);
  const unit = { min: tc("minutes"), sec: tc("seconds") };
  const script = summary.data?.script;

  return (
    <div className="space-y-4">
      {script ? (
        <div className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="records-script">
          <span className="font-medium text-foreground">{script.name}</span>
          {script.status !== "enabled" && <Badge variant="outline">{t(script.status)}</Badge>}
          <div className="ml-auto flex items-center gap-3">
            <ScriptReanalysis scriptId={script.id} canStart={canReanalyze} />
            <Link href={`/management/outbound/scripts/${script.id}/detail`} className="text-primary hover:underline">
              {t("toScriptDetail")}
            </Link>
          </div>
        </div>
      ) : null}
      <MetricCards metrics={summary.data?.metrics} />

      <div className="space-y-4 rounded-lg border bg-background p-4">
        <CallRecordFilters input={input} onChange={setParams} onReset={() => router.replace(pathname)} />
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("patient")}</TableHead>
              <TableHead>{t("mobile")}</TableHead>
              <TableHead>{tc("script")}</TableHead>
              <TableHead>{t("clinic")}</TableHead>
              <TableHead>{tc("outcome")}</TableHead>
              <TableHead>{tc("intent")}</TableHead>
              <TableHead>{t("startedAt")}</TableHead>
              <TableHead>{t("duration")}</TableHead>
              <TableHead>{t("consultant")}</TableHead>
              <TableHead>{t("onlineConsultant")}</TableHead>
              <TableHead className="text-right">{t("actions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.isPending ? (
              <TableLoadingRows colSpan={11} rows={8} />
            ) : items.length === 0 ? (
              <TableEmptyRow colSpan={11}>
                <div className="font-medium text-foreground">{t("emptyTitle")}</div>
                <div className="text-sm text-muted-foreground">{filtered ? t("emptyFiltered") : t("emptyHint")}</div>
              </TableEmptyRow>
            ) : (
              items.map((r) => (
                <TableRow key={r.id} data-testid="call-record-row">
                  <TableCell className="font-medium">{r.patient.name}</TableCell>
                  <TableCell className="font-mono text-xs">{r.mobile}</TableCell>
                  <TableCell>{r.script.name}</TableCell>
                  <TableCell>{r.clinic.shortName}</TableCell>
                  <TableCell>
                    <OutcomeBadge outcome={r.outcome} />
                  </TableCell>
                  <TableCell title={r.summary ?? undefined}>
                    <div className="flex flex-wrap items-center gap-1">
                      {r.intentLabel ?? "—"}
                      {r.callbackRequested ? (
                        <Badge variant="destructive" data-testid="callback-badge">
                          {tc("callbackRequested")}
                        </Badge>
                      ) : null}
                    </div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">{formatInZone(r.dialedAt, r.clinic.timezone)}</TableCell>
                  <TableCell className="tabular-nums">{formatDuration(r.durationSec, unit)}</TableCell>
                  <TableCell>{r.consultant?.name ?? "—"}</TableCell>
                  <TableCell>{r.onlineConsultant?.name ?? "—"}</TableCell>
                  <TableCell className="whitespace-nowrap text-right">
                    <Button variant="link" size="sm" className="px-1" onClick={() => setOpenId(r.id)}>
                      {t("detail")}
                    </Button>
                    {r.hasRecording && canPlayRecordings ? (
                      <Button variant="link" size="sm" className="px-1" asChild>
                        <a href={`/api/call-records/${r.id}/recording?download=1`} download data-testid="download-recording">
                          {t("download")}
                        </a>
                      </Button>
                    ) : (
                      <Button variant="link" size="sm" className="px-1" disabled title={r.hasRecording ? tc("recordingForbidden") : t("noRecording")}>
                        {t("download")}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
        <div className="flex items-center justify-between text-sm text-muted-foreground">
          <span data-testid="call-record-total">{list.data?.totalCapped ? t("totalCapped", { count: total }) : tcommon("total", { count: total })}</span>
          <div className="flex items-center gap-2">
            <span>{tcommon("page", { page, pages })}</span>
            <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setParams({ page: String(page - 1) })}>
              {tcommon("prev")}
            </Button>
            <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setParams({ page: String(page + 1) })}>
              {tcommon("next")}
            </Button>
          </div>
        </div>
      </div>
      <CallDetailDialog callId={openId} onOpenChange={(open) => !open && setOpenId(null)} />
    </div>
  );
}
