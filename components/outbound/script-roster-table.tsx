"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { ROSTER_STATUSES, type RosterStatus } from "@/server/domain/calls/roster";

const ALL = "__all__";
const TIME_ZONE = "Asia/Shanghai";
type RosterRow = RouterOutputs["outboundManagement"]["roster"]["items"][number];

/** 【详情】-【客户名单】: paginated, filterable by 执行状态, with 【导出】 of everything the filter matches. */
export function ScriptRosterTable({ scriptId, live }: { scriptId: string; live: boolean }) {
  const t = useTranslations("outboundManagement");
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
    { id: "name", header: t("rosterName"), meta: { className: "font-medium" }, cell: ({ row }) => row.original.name },
    { id: "gender", header: t("rosterGender"), cell: ({ row }) => t(`gender_${row.original.gender}`) },
    { id: "mobile", header: t("rosterMobile"), meta: { className: "font-mono text-xs", headClassName: "" }, cell: ({ row }) => row.original.mobile || "—" },
    { id: "medicalRecordNo", header: t("rosterMedicalRecordNo"), meta: { className: "font-mono text-xs", headClassName: "" }, cell: ({ row }) => row.original.medicalRecordNo ?? "—" },
    { id: "clinic", header: t("rosterClinic"), cell: ({ row }) => row.original.clinic },
    { id: "status", header: t("rosterStatus"), cell: ({ row }) => t(`rs_${row.original.status}`) },
    { id: "createdBy", header: t("rosterCreatedBy"), cell: ({ row }) => row.original.createdBy ?? "—" },
    { id: "createdAt", header: t("rosterCreatedAt"), meta: { className: "whitespace-nowrap tabular-nums", headClassName: "" }, cell: ({ row }) => formatInZone(row.original.createdAt, TIME_ZONE) },
    { id: "failReason", header: t("rosterFailReason"), meta: { className: "text-sm text-muted-foreground", headClassName: "" }, cell: ({ row }) => row.original.failReason ?? "—" },
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Select
          value={status ?? ALL}
          onValueChange={(v) => {
            setStatus(v === ALL ? undefined : (v as RosterStatus));
            setPage(1);
          }}
        >
          <SelectTrigger className="w-36" aria-label={t("rosterStatus")}>
            <SelectValue>{status ? t(`rs_${status}`) : t("allStatuses")}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("allStatuses")}</SelectItem>
            {ROSTER_STATUSES.map((s) => (
              <SelectItem key={s} value={s}>
                {t(`rs_${s}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Button variant="outline" size="sm" asChild disabled={total === 0} title={t("exportHint")}>
          <a href={exportHref} download data-testid="roster-export">
            <Download className="size-4" /> {t("export")}
          </a>
        </Button>
      </div>
      <DataTable
        columns={columns}
        data={list.data?.items}
        query={list}
        loadingRows={6}
        empty={
          <>
            <div className="font-medium text-foreground">{t("rosterEmpty")}</div>
            <div className="text-sm text-muted-foreground">{t("rosterEmptyHint")}</div>
          </>
        }
        rowTestId="roster-row"
        pagination={{ page, pageSize: 20, total, onPageChange: setPage, totalTestId: "roster-total" }}
      />
    </div>
  );
}
