"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { MessageSquareText } from "lucide-react";
import { Card, CardContent } from "@/components/ui/card";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable, DataTablePager } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/lib/utils";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";

const PAGE_SIZE = 20;
type LedgerRow = RouterOutputs["sms"]["quota"]["entries"][number];
const REASONS = new Set(["topUp", "hangupSms", "adjustment"]);

/** 短信余量: the balance and its ledger. */
export function SmsQuotaView() {
  const t = useTranslations("sms");
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const quota = useQuery(trpc.sms.quota.queryOptions({ page, pageSize: PAGE_SIZE }));
  const pages = Math.max(1, Math.ceil((quota.data?.total ?? 0) / PAGE_SIZE));
  const columns: ColumnDef<LedgerRow>[] = [
    { id: "time", header: t("colTime"), meta: { className: "text-muted-foreground", headClassName: "" }, cell: ({ row }) => formatInZone(row.original.createdAt, DEFAULT_TIME_ZONE) },
    { id: "reason", header: t("colReason"), cell: ({ row: { original: e } }) => (REASONS.has(e.reason) ? t(`reason_${e.reason as "topUp"}`) : e.reason) },
    {
      id: "change",
      header: t("colChange"),
      meta: { headClassName: "text-right" },
      cell: ({ row: { original: e } }) => <span className={cn("block text-right tabular-nums", e.delta < 0 ? "text-destructive" : "text-emerald-700")}>{e.delta > 0 ? `+${e.delta}` : e.delta}</span>,
    },
  ];
  return (
    <div className="space-y-4">
      <Card>
        <CardContent className="flex items-center gap-4 py-2">
          <span className="flex size-12 items-center justify-center rounded-full bg-primary/10 text-primary">
            <MessageSquareText className="size-6" aria-hidden />
          </span>
          <div>
            <p className="text-sm text-muted-foreground">{t("balance")}</p>
            <p className="text-2xl font-semibold tabular-nums" data-testid="sms-balance">
              {quota.data ? t("balanceUnit", { count: quota.data.balance }) : "—"}
            </p>
          </div>
          <p className="ml-auto max-w-md text-xs text-muted-foreground">{t("balanceHint")}</p>
        </CardContent>
      </Card>
      <div className="space-y-2">
        <h2 className="font-medium">{t("ledger")}</h2>
        <div className="rounded-lg border bg-background">
          <DataTable columns={columns} data={quota.data?.entries} query={quota} loadingRows={1} empty={t("ledgerEmpty")} />
        </div>
        {pages > 1 && <DataTablePager page={page} pageSize={PAGE_SIZE} total={quota.data?.total ?? 0} onPageChange={setPage} />}
      </div>
    </div>
  );
}
