"use client";

import { useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Info } from "lucide-react";
import { useTranslations } from "next-intl";
import { FilterSelect } from "@/components/shell/filter-select";
import { SCRIPT_STATUSES } from "@/server/domain/scripts/script-status";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { ScriptRowActions } from "@/components/scripts/script-row-actions";
import { ScriptStatusBadge } from "@/components/scripts/script-status-badge";
import { useTRPC } from "@/components/trpc/client";
import { useRefreshAfterScriptChange } from "./use-refresh-after-script-change";

const EXECUTION = ["pending", "intercepted", "dialed", "failed", "dispatchFailed"] as const;
const REFRESH_MS = 10_000;
type ManagedScriptRow = RouterOutputs["outboundManagement"]["scripts"]["items"][number];

/** 外呼管理: every script with its 执行数据 columns, 【详情】, 【话单】 and 暂停 / 启用 / 停用. */
export function ManagedScriptTable({ canManage, canViewRecords }: { canManage: boolean; canViewRecords: boolean }) {
  const t = useTranslations("outboundManagement");
  const tcommon = useTranslations("common");
  const ts = useTranslations("scripts");
  const tc = useTranslations("calls");
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
  const toScripts = (
    <Button asChild size="sm" variant="outline">
      <Link href="/management/outbound/scripts">{t("toScripts")}</Link>
    </Button>
  );
  const columns: ColumnDef<ManagedScriptRow>[] = [
    {
      id: "script",
      header: t("script"),
      cell: ({ row: { original: s } }) => (
        <>
          <div className="font-medium">{s.name}</div>
          <div className="mt-0.5 flex gap-1">
            <Badge variant="outline">{t(`kind_${s.kind}`)}</Badge>
            {s.journeyOnly ? <Badge variant="secondary">{t("journeyOnly")}</Badge> : null}
          </div>
        </>
      ),
    },
    { id: "clinics", header: t("clinics"), meta: { className: "max-w-48 text-sm", headClassName: "" }, cell: ({ row }) => row.original.clinics.map((c) => c.shortName).join(tcommon("listSeparator")) },
    { id: "status", header: t("status"), cell: ({ row }) => <ScriptStatusBadge status={row.original.status} pauseReason={row.original.pauseReason} /> },
    ...EXECUTION.map(
      (k): ColumnDef<ManagedScriptRow> => ({
        id: `exec-${k}`,
        accessorFn: (s) => s.execution[k],
        enableSorting: true,
        header: () => (
          <Tooltip>
            <TooltipTrigger asChild>
              <span className="inline-flex cursor-help items-center gap-1">
                {tc(`metric_${k}`)} <Info className="size-3" aria-hidden />
              </span>
            </TooltipTrigger>
            <TooltipContent className="max-w-64">{tc(`metric_${k}_hint`)}</TooltipContent>
          </Tooltip>
        ),
        meta: { className: "text-right tabular-nums" },
        cell: ({ row }) => <span data-testid={`exec-${k}`}>{row.original.execution[k]}</span>,
      }),
    ),
    {
      id: "actions",
      header: t("actions"),
      meta: { className: "whitespace-nowrap text-right", headClassName: "text-right" },
      cell: ({ row: { original: s } }) => (
        <>
          <Button variant="link" size="sm" className="px-1" asChild>
            <Link href={`/management/outbound/scripts/${s.id}/detail`}>{t("detail")}</Link>
          </Button>
          {canViewRecords ? (
            <Button variant="link" size="sm" className="px-1" asChild>
              <Link href={`/call-records?scriptId=${s.id}`}>{t("records")}</Link>
            </Button>
          ) : null}
          {canManage ? <ScriptRowActions script={s} /> : null}
        </>
      ),
    },
  ];

  return (
    <div className="space-y-4 rounded-lg border bg-background p-4">
      <div className="flex items-center justify-between gap-3">
        <h2 className="font-medium">{t("scriptsTitle")}</h2>
        <FilterSelect
          label={t("status")}
          allLabel={t("allStatuses")}
          value={status}
          options={SCRIPT_STATUSES.map((s) => ({ value: s, label: ts(`status_${s}`) }))}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          className="w-32"
        />
      </div>
      <DataTable columns={columns} query={list} loadingRows={4} empty={{ title: t("empty"), hint: t("emptyHint"), action: toScripts }} rowTestId="managed-script-row" pagination={{ page, pageSize: 10, total, onPageChange: setPage, hideWhenSinglePage: true }} />
    </div>
  );
}
