"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { TableLoadingRows, TableEmptyRow } from "@/components/shell/table-status-rows";
import { ROSTER_STATUSES, type RosterStatus } from "@/server/domain/calls/roster";

const ALL = "__all__";
const TIME_ZONE = "Asia/Shanghai";

/** 【详情】-【客户名单】: paginated, filterable by 执行状态, with 【导出】 of everything the filter matches. */
export function ScriptRosterTable({ scriptId, live }: { scriptId: string; live: boolean }) {
  const t = useTranslations("outboundManagement");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [status, setStatus] = useState<RosterStatus | undefined>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    ...trpc.outboundManagement.roster.queryOptions({ scriptId, status, page }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 5_000 : false,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / 20));
  const exportHref = `/api/script-rosters/${scriptId}/export${status ? `?status=${status}` : ""}`;
  const headers = ["rosterName", "rosterGender", "rosterMobile", "rosterMedicalRecordNo", "rosterClinic", "rosterStatus", "rosterCreatedBy", "rosterCreatedAt", "rosterFailReason"] as const;

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
      <Table>
        <TableHeader>
          <TableRow>
            {headers.map((h) => (
              <TableHead key={h}>{t(h)}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.isPending ? (
            <TableLoadingRows colSpan={9} rows={6} />
          ) : total === 0 ? (
            <TableEmptyRow colSpan={9}>
              <div className="font-medium text-foreground">{t("rosterEmpty")}</div>
              <div className="text-sm text-muted-foreground">{t("rosterEmptyHint")}</div>
            </TableEmptyRow>
          ) : (
            list.data?.items.map((r) => (
              <TableRow key={r.id} data-testid="roster-row">
                <TableCell className="font-medium">{r.name}</TableCell>
                <TableCell>{t(`gender_${r.gender}`)}</TableCell>
                <TableCell className="font-mono text-xs">{r.mobile || "—"}</TableCell>
                <TableCell className="font-mono text-xs">{r.medicalRecordNo ?? "—"}</TableCell>
                <TableCell>{r.clinic}</TableCell>
                <TableCell>{t(`rs_${r.status}`)}</TableCell>
                <TableCell>{r.createdBy ?? "—"}</TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">{formatInZone(r.createdAt, TIME_ZONE)}</TableCell>
                <TableCell className="text-sm text-muted-foreground">{r.failReason ?? "—"}</TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <div className="flex items-center justify-between text-sm text-muted-foreground">
        <span data-testid="roster-total">{tc("total", { count: total })}</span>
        <div className="flex items-center gap-2">
          <span>{tc("page", { page, pages })}</span>
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {tc("prev")}
          </Button>
          <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {tc("next")}
          </Button>
        </div>
      </div>
    </div>
  );
}
