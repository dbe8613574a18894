"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { CallDetailDialog } from "@/components/calls/call-detail-dialog";
import { formatDuration, formatInZone } from "@/components/calls/format-time";
import { MetricCards } from "@/components/calls/metric-cards";
import { OutcomeBadge } from "@/components/calls/outcome-badge";
import { useTRPC } from "@/components/trpc/client";
import { CallRecordFilters } from "./call-record-filters";
import { ScriptReanalysis } from "./script-reanalysis";
import { parseCallRecordSearch, reversedDateRange, summaryInput } from "./call-record-search";
import { analysisColumns } from "./analysis-columns";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

const REFRESH_MS = 10_000;
const TASK_FIGURES = ["pending", "intercepted", "dispatchFailed"] as const;
type CallRecordRow = RouterOutputs["callRecords"]["list"]["items"][number];

/** 话单记录: execution summary, filters, the paginated call table, 详情 and 下载录音. */
export function CallRecordsView({ canPlayRecordings, canReanalyze = false }: { canPlayRecordings: boolean; canReanalyze?: boolean }) {
  const t = useTranslations("callRecords");
  const tc = useTranslations("calls");
  const tr = useTranslations("callReview");
  const word = useVocabulary();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const input = useMemo(() => parseCallRecordSearch(new URLSearchParams(params.toString())), [params]);
  const reversed = reversedDateRange(new URLSearchParams(params.toString()));
  const [openId, setOpenId] = useState<string | null>(null);

  const summary = useQuery({
    ...trpc.callRecords.summary.queryOptions(summaryInput(input)),
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

  const total = list.data?.total ?? 0;
  const page = input.page ?? 1;
  const filtered = !!(input.scriptId || input.clinicId || input.q || input.consultantId || input.onlineConsultantId || input.outcome || input.callback || input.review || input.proposedTime || input.from || input.to);
  const unit = { min: tc("minutes"), sec: tc("seconds") };
  const pagination = {
    page,
    pageSize: input.pageSize ?? 20,
    onPageChange: (p: number) => setParams({ page: String(p) }),
    totalTestId: "call-record-total",
    totalLabel: list.data?.totalCapped ? t("totalCapped", { count: total }) : undefined,
  };
  const script = summary.data?.script;
  const columns: ColumnDef<CallRecordRow>[] = [
    { id: "patient", header: t("patient"), meta: { className: "font-medium" }, cell: ({ row }) => row.original.patient.name },
    { id: "mobile", header: t("mobile"), meta: { className: "font-mono text-xs" }, cell: ({ row }) => row.original.mobile },
    { id: "script", header: tc("script"), cell: ({ row }) => row.original.script.name },
    { id: "clinic", header: t("clinic"), cell: ({ row }) => row.original.clinic.shortName },
    { id: "outcome", header: tc("outcome"), cell: ({ row }) => <OutcomeBadge outcome={row.original.outcome} /> },
    {
      id: "intent",
      header: tc("intent"),
      cell: ({ row: { original: r } }) => (
        <div className="flex flex-wrap items-center gap-1" title={r.summary ?? undefined}>
          {word(r.intentLabel) ?? "—"}
          {r.callbackRequested ? (
            <Badge variant="destructive" data-testid="callback-badge">
              {tc("callbackRequested")}
            </Badge>
          ) : null}
        </div>
      ),
    },
    ...analysisColumns(tr),
    { id: "startedAt", header: t("startedAt"), meta: { className: "whitespace-nowrap tabular-nums" }, cell: ({ row }) => formatInZone(row.original.dialedAt, row.original.clinic.timezone) },
    { id: "duration", header: t("duration"), meta: { className: "tabular-nums" }, cell: ({ row }) => formatDuration(row.original.durationSec, unit) },
    { id: "consultant", header: t("consultant"), cell: ({ row }) => row.original.consultant?.name ?? "—" },
    { id: "onlineConsultant", header: t("onlineConsultant"), cell: ({ row }) => row.original.onlineConsultant?.name ?? "—" },
    {
      id: "actions",
      header: t("actions"),
      meta: { className: "whitespace-nowrap text-right", headClassName: "text-right" },
      cell: ({ row: { original: r } }) => (
        <>
          <Button variant="link" size="sm" className="px-1" onClick={() => setOpenId(r.id)}>
            {t("detail")}
          </Button>
          {r.hasRecording && canPlayRecordings ? (
            <Button variant="link" size="sm" className="px-1" asChild>
              <a href={`/api/call-records/${r.id}/recording?download=1`} download data-testid="download-recording">
                {t("download")}
              </a>
            </Button>
          ) : r.hasRecordingTracks && canPlayRecordings ? (
            <Button variant="link" size="sm" className="px-1" title={t("tracksInDetail")} onClick={() => setOpenId(r.id)} data-testid="recording-tracks-open">
              {t("download")}
            </Button>
          ) : (
            <Button variant="link" size="sm" className="px-1" disabled title={r.hasRecording || r.hasRecordingTracks ? tc("recordingForbidden") : t("noRecording")}>
              {t("download")}
            </Button>
          )}
        </>
      ),
    },
  ];

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
      <MetricCards metrics={summary.data?.metrics} notApplicable={summary.data && !summary.data.taskFigures ? TASK_FIGURES : undefined} />
      {summary.data?.filtered ? (
        <p className="text-xs text-muted-foreground" data-testid="summary-filtered">
          {summary.data.taskFigures ? t("summaryFiltered") : t("summaryFilteredCallsOnly")}
        </p>
      ) : null}

      <div className="space-y-4 rounded-lg border bg-background p-4">
        <CallRecordFilters input={input} onChange={setParams} onReset={() => router.replace(pathname)} />
        {reversed ? (
          <p role="alert" className="text-sm text-destructive" data-testid="date-range-error">
            {t("dateReversed", reversed)}
          </p>
        ) : null}
        <DataTable columns={columns} query={list} loadingRows={8} empty={{ title: t("emptyTitle"), hint: filtered ? t("emptyFiltered") : t("emptyHint") }} rowTestId="call-record-row" pagination={pagination} />
      </div>
      <CallDetailDialog callId={openId} onOpenChange={(open) => !open && setOpenId(null)} />
    </div>
  );
}
