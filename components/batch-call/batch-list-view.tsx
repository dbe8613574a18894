"use client";

import { useState } from "react";
import Link from "next/link";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { formatInZone } from "@/components/calls/format-time";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { FilterSelect } from "@/components/shell/filter-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";
import { cn } from "@/lib/utils";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";

const PAGE_SIZE = 20;
type Row = RouterOutputs["batchCall"]["list"]["items"][number];
type Action = "pause" | "resume" | "cancel";
type Status = Row["status"];

const TONE: Record<Status | "done", string> = {
  running: "border-sky-200 bg-sky-50 text-sky-700",
  paused: "border-amber-200 bg-amber-50 text-amber-700",
  cancelled: "border-zinc-200 bg-zinc-50 text-zinc-600",
  done: "border-emerald-200 bg-emerald-50 text-emerald-700",
};

/** 外呼批次: each batch's 已呼/总数, 已接听, 拦截, 待呼, ETA, who launched it and when; 暂停 / 继续 / 取消 after a confirmation. */
export function BatchListView({ canManage, canViewRecords }: { canManage: boolean; canViewRecords: boolean }) {
  const t = useTranslations("batches");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status | undefined>();
  const [page, setPage] = useState(1);
  const [asking, setAsking] = useState<{ row: Row; action: Action } | null>(null);
  const list = useQuery({
    ...trpc.batchCall.list.queryOptions({ status, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((b) => b.status === "running" && b.waiting > 0) ? 10_000 : false),
  });
  const change = useMutation(
    trpc.batchCall.change.mutationOptions({
      onSuccess: (res) => {
        toast.success(t(`done_${res.status}`, { count: res.cancelledTasks }));
        setAsking(null);
        void queryClient.invalidateQueries({ queryKey: trpc.batchCall.list.queryKey() });
      },
      onError: (e) => {
        toast.error(e.message);
        setAsking(null);
      },
    }),
  );

  const stateOf = (b: Row): Status | "done" => (b.status === "running" && b.waiting === 0 ? "done" : b.status);
  const columns: ColumnDef<Row>[] = [
    {
      id: "createdAt",
      header: t("colCreatedAt"),
      meta: { className: "whitespace-nowrap" },
      cell: ({ row: { original: b } }) => (
        <div>
          <div>{formatInZone(b.createdAt, DEFAULT_TIME_ZONE)}</div>
          <div className="text-xs text-muted-foreground">{b.createdBy ?? "—"}</div>
        </div>
      ),
    },
    { id: "script", header: t("colScript"), meta: { className: "font-medium" }, cell: ({ row }) => row.original.script.name },
    {
      id: "status",
      header: t("colStatus"),
      cell: ({ row: { original: b } }) => (
        <div className="space-y-0.5">
          <Badge variant="outline" className={cn(TONE[stateOf(b)])} data-testid="batch-status">
            {t(`status_${stateOf(b)}`)}
          </Badge>
          {b.held === "paused" && b.status === "running" ? <div className="text-xs text-amber-700">{t("scriptPaused")}</div> : null}
        </div>
      ),
    },
    {
      id: "called",
      header: t("colCalled"),
      meta: { className: "tabular-nums" },
      cell: ({ row: { original: b } }) => (
        <span data-testid="batch-called">
          {b.called}/{b.total}
        </span>
      ),
    },
    { id: "answered", header: t("colAnswered"), meta: { className: "tabular-nums" }, cell: ({ row }) => row.original.answered },
    { id: "intercepted", header: t("colIntercepted"), meta: { className: "tabular-nums" }, cell: ({ row }) => row.original.intercepted },
    { id: "waiting", header: t("colWaiting"), meta: { className: "tabular-nums" }, cell: ({ row }) => <span data-testid="batch-waiting">{row.original.waiting}</span> },
    {
      id: "eta",
      header: t("colEta"),
      meta: { className: "whitespace-nowrap text-muted-foreground" },
      cell: ({ row: { original: b } }) => (b.eta ? formatInZone(b.eta, DEFAULT_TIME_ZONE, "minute") : b.waiting > 0 ? t("etaHeld") : "—"),
    },
    {
      id: "actions",
      header: () => <span className="sr-only">{t("colActions")}</span>,
      meta: { className: "text-right whitespace-nowrap" },
      cell: ({ row: { original: b } }) => (
        <div className="flex justify-end gap-1">
          {canManage && b.status === "running" && b.waiting > 0 ? (
            <Button size="sm" variant="outline" onClick={() => setAsking({ row: b, action: "pause" })}>
              {t("pause")}
            </Button>
          ) : null}
          {canManage && b.status === "paused" ? (
            <Button size="sm" variant="outline" onClick={() => setAsking({ row: b, action: "resume" })}>
              {t("resume")}
            </Button>
          ) : null}
          {canManage && b.status !== "cancelled" && b.waiting > 0 ? (
            <Button size="sm" variant="outline" className="text-destructive" onClick={() => setAsking({ row: b, action: "cancel" })}>
              {t("cancel")}
            </Button>
          ) : null}
          {canViewRecords ? (
            <Button size="sm" variant="ghost" asChild>
              <Link href={`/call-records?scriptId=${b.script.id}`}>{t("records")}</Link>
            </Button>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-2 text-sm">
        <FilterSelect
          label={t("colStatus")}
          allLabel={t("allStatuses")}
          value={status}
          options={(["running", "paused", "cancelled"] as const).map((s) => ({ value: s, label: t(`status_${s}`) }))}
          onChange={(s) => {
            setStatus(s);
            setPage(1);
          }}
        />
      </div>
      <div className="rounded-lg border bg-background">
        <DataTable
          columns={columns}
          query={list}
          loadingRows={3}
          empty={{ title: t("empty"), hint: t("emptyHint") }}
          rowTestId="batch-row"
          pagination={{ page, pageSize: PAGE_SIZE, onPageChange: setPage }}
        />
      </div>
      <ConfirmDialog
        open={!!asking}
        onOpenChange={(o) => !o && setAsking(null)}
        title={asking ? t(`confirm_${asking.action}_title`) : ""}
        body={asking ? t(`confirm_${asking.action}_body`, { script: asking.row.script.name, waiting: asking.row.waiting }) : ""}
        confirmLabel={asking ? t(asking.action) : undefined}
        destructive={asking?.action === "cancel"}
        busy={change.isPending}
        keepOpen
        confirmTestId="confirm-batch-change"
        onConfirm={() => asking && change.mutate({ batchId: asking.row.id, action: asking.action })}
      />
    </div>
  );
}
