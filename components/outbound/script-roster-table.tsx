"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { FilterSelect } from "@/components/shell/filter-select";
import { Button } from "@/components/ui/button";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { ROSTER_STATUSES, type RosterStatus } from "@/server/domain/calls/roster";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

type RosterRow = RouterOutputs["outboundManagement"]["roster"]["items"][number];

/** 【详情】-【客户名单】: paginated, filterable by 执行状态, with 【导出】 of everything the filter matches. */
export function ScriptRosterTable({ scriptId, live }: { scriptId: string; live: boolean }) {
  const t = useTranslations("outboundManagement");
  const word = useVocabulary();
  const trpc = useTRPC();
  const [status, setStatus] = useState<RosterStatus | undefined>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    ...trpc.outboundManagement.roster.queryOptions({ scriptId, status, page }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 5_000 : false,
  });
  const total = list.data?.total ?? 0;
  const exportHref = `/api/script-rosters/${scriptId}/export${status ? `?status=${status}` : ""}`;
  const columns: ColumnDef<RosterRow>[] = [
    { id: "name", header: t("rosterName"), meta: { className: "font-medium" }, cell: ({ row }) => <span data-user-content>{row.original.name}</span> },
    { id: "gender", header: t("rosterGender"), cell: ({ row }) => t(`gender_${row.original.gender}`) },
    { id: "mobile", header: t("rosterMobile"), meta: { className: "font-mono text-xs", headClassName: "" }, cell: ({ row }) => row.original.mobile || "—" },
    { id: "medicalRecordNo", header: t("rosterMedicalRecordNo"), meta: { className: "font-mono text-xs", headClassName: "" }, cell: ({ row }) => row.original.medicalRecordNo ?? "—" },
    { id: "clinic", header: t("rosterClinic"), cell: ({ row }) => <span data-user-content>{row.original.clinic}</span> },
    { id: "status", header: t("rosterStatus"), cell: ({ row }) => t(`rs_${row.original.status}`) },
    { id: "createdBy", header: t("rosterCreatedBy"), cell: ({ row }) => (row.original.createdBy ? <span data-user-content>{row.original.createdBy}</span> : "—") },
    { id: "createdAt", header: t("rosterCreatedAt"), meta: { className: "whitespace-nowrap tabular-nums", headClassName: "" }, cell: ({ row }) => formatInZone(row.original.createdAt, DEFAULT_TIME_ZONE) },
    { id: "intent", header: t("rosterIntent"), cell: ({ row }) => word(row.original.intentLabel) ?? "—" },
    {
      id: "summary",
      header: t("rosterSummary"),
      meta: { className: "max-w-64 text-xs" },
      cell: ({ row }) => (row.original.summary ? <span className="line-clamp-2" title={row.original.summary} data-testid="roster-summary" lang="zh-CN">{row.original.summary}</span> : "—"),
    },
    { id: "proposedTime", header: t("rosterProposedTime"), meta: { className: "whitespace-nowrap" }, cell: ({ row }) => row.original.proposedTime ?? "—" },
    {
      id: "callback",
      header: t("rosterCallback"),
      cell: ({ row }) => (row.original.callback ? <Badge variant={row.original.callback === "high" ? "destructive" : "outline"}>{t(row.original.callback === "high" ? "rosterCallbackHigh" : "rosterCallbackYes")}</Badge> : "—"),
    },
    { id: "failReason", header: t("rosterFailReason"), meta: { className: "text-sm text-muted-foreground", headClassName: "" }, cell: ({ row }) => word(row.original.failReason) ?? "—" },
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <FilterSelect
          label={t("rosterStatus")}
          allLabel={t("allStatuses")}
          value={status}
          options={ROSTER_STATUSES.map((s) => ({ value: s, label: t(`rs_${s}`) }))}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          className="w-36"
        />
        <Button variant="outline" size="sm" asChild disabled={total === 0} title={t("exportHint")}>
          <a href={exportHref} download data-testid="roster-export">
            <Download className="size-4" /> {t("export")}
          </a>
        </Button>
      </div>
      <DataTable columns={columns} query={list} loadingRows={6} empty={{ title: t("rosterEmpty"), hint: t("rosterEmptyHint") }} rowTestId="roster-row" pagination={{ page, pageSize: 20, total, onPageChange: setPage, totalTestId: "roster-total" }} />
    </div>
  );
}
