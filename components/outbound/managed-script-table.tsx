"use client";

import { useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Info } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { ScriptRowActions } from "@/components/scripts/script-row-actions";
import { ScriptStatusBadge } from "@/components/scripts/script-status-badge";
import { useTRPC } from "@/components/trpc/client";
import { useRefreshAfterScriptChange } from "./use-refresh-after-script-change";
import { TableLoadingRows, TableEmptyRow } from "@/components/shell/table-status-rows";

const ALL = "__all__";
const EXECUTION = ["pending", "intercepted", "dialed", "failed"] as const;
const REFRESH_MS = 10_000;

/** 外呼管理: every script with its 执行数据 columns, 【详情】, 【话单】 and 暂停 / 启用 / 停用. */
export function ManagedScriptTable({ canManage, canViewRecords }: { canManage: boolean; canViewRecords: boolean }) {
  const t = useTranslations("outboundManagement");
  const ts = useTranslations("scripts");
  const tc = useTranslations("calls");
  const tcommon = useTranslations("common");
  const trpc = useTRPC();
  const [status, setStatus] = useState<"enabled" | "paused" | "stopped" | undefined>();
  const [page, setPage] = useState(1);
  useRefreshAfterScriptChange();
  const list = useQuery({
    ...trpc.outboundManagement.scripts.queryOptions({ status, page }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((s) => s.execution.pending > 0) ? REFRESH_MS : false),
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / 10));

  return (
    <div className="space-y-4 rounded-lg border bg-background p-4">
      <div className="flex items-center justify-between gap-3">
        <h2 className="font-medium">{t("scriptsTitle")}</h2>
        <Select
          value={status ?? ALL}
          onValueChange={(v) => {
            setStatus(v === ALL ? undefined : (v as typeof status));
            setPage(1);
          }}
        >
          <SelectTrigger className="w-32" aria-label={t("status")}>
            <SelectValue>{status ? ts(`status_${status}`) : t("allStatuses")}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("allStatuses")}</SelectItem>
            {(["enabled", "paused", "stopped"] as const).map((s) => (
              <SelectItem key={s} value={s}>
                {ts(`status_${s}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("script")}</TableHead>
            <TableHead>{t("clinics")}</TableHead>
            <TableHead>{t("status")}</TableHead>
            {EXECUTION.map((k) => (
              <TableHead key={k} className="text-right">
                <Tooltip>
                  <TooltipTrigger asChild>
                    <span className="inline-flex cursor-help items-center gap-1">
                      {tc(`metric_${k}`)} <Info className="size-3" aria-hidden />
                    </span>
                  </TooltipTrigger>
                  <TooltipContent className="max-w-64">{tc(`metric_${k}_hint`)}</TooltipContent>
                </Tooltip>
              </TableHead>
            ))}
            <TableHead className="text-right">{t("actions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.isPending ? (
            <TableLoadingRows colSpan={8} rows={4} />
          ) : total === 0 ? (
            <TableEmptyRow colSpan={8}>
              <div className="font-medium text-foreground">{t("empty")}</div>
              <div className="mb-3 text-sm text-muted-foreground">{t("emptyHint")}</div>
              <Button asChild size="sm" variant="outline">
                <Link href="/management/outbound/scripts">{t("toScripts")}</Link>
              </Button>
            </TableEmptyRow>
          ) : (
            list.data?.items.map((s) => (
              <TableRow key={s.id} data-testid="managed-script-row">
                <TableCell>
                  <div className="font-medium">{s.name}</div>
                  <div className="mt-0.5 flex gap-1">
                    <Badge variant="outline">{t(`kind_${s.kind}`)}</Badge>
                    {s.journeyOnly ? <Badge variant="secondary">{t("journeyOnly")}</Badge> : null}
                  </div>
                </TableCell>
                <TableCell className="max-w-48 text-sm">{s.clinics.map((c) => c.shortName).join("、")}</TableCell>
                <TableCell>
                  <ScriptStatusBadge status={s.status} pauseReason={s.pauseReason} />
                </TableCell>
                {EXECUTION.map((k) => (
                  <TableCell key={k} className="text-right tabular-nums" data-testid={`exec-${k}`}>
                    {s.execution[k]}
                  </TableCell>
                ))}
                <TableCell className="whitespace-nowrap text-right">
                  <Button variant="link" size="sm" className="px-1" asChild>
                    <Link href={`/management/outbound/scripts/${s.id}/detail`}>{t("detail")}</Link>
                  </Button>
                  {canViewRecords ? (
                    <Button variant="link" size="sm" className="px-1" asChild>
                      <Link href={`/call-records?scriptId=${s.id}`}>{t("records")}</Link>
                    </Button>
                  ) : null}
                  {canManage ? <ScriptRowActions script={s} /> : null}
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      {total > 10 ? (
        <div className="flex items-center justify-end gap-2 text-sm text-muted-foreground">
          <span>{tcommon("page", { page, pages })}</span>
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {tcommon("prev")}
          </Button>
          <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {tcommon("next")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
