"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { MessageSquareText } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/lib/utils";
import { TableLoadingRows, TableEmptyRow } from "@/components/shell/table-status-rows";

const PAGE_SIZE = 20;
const REASONS = new Set(["topUp", "hangupSms", "adjustment"]);

/** 短信余量: the balance and its ledger. */
export function SmsQuotaView() {
  const t = useTranslations("sms");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const quota = useQuery(trpc.sms.quota.queryOptions({ page, pageSize: PAGE_SIZE }));
  const pages = Math.max(1, Math.ceil((quota.data?.total ?? 0) / PAGE_SIZE));
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
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("colTime")}</TableHead>
                <TableHead>{t("colReason")}</TableHead>
                <TableHead className="text-right">{t("colChange")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {quota.isPending ? (
                <TableLoadingRows colSpan={3} rows={1} />
              ) : quota.data?.entries.length === 0 ? (
                <TableEmptyRow colSpan={3}>
                  {t("ledgerEmpty")}
                </TableEmptyRow>
              ) : (
                quota.data?.entries.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell className="text-muted-foreground">{formatInZone(e.createdAt, "Asia/Shanghai")}</TableCell>
                    <TableCell>{REASONS.has(e.reason) ? t(`reason_${e.reason as "topUp"}`) : e.reason}</TableCell>
                    <TableCell className={cn("text-right tabular-nums", e.delta < 0 ? "text-destructive" : "text-emerald-600")}>
                      {e.delta > 0 ? `+${e.delta}` : e.delta}
                    </TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        </div>
        {pages > 1 && (
          <div className="flex items-center justify-end gap-2 text-sm text-muted-foreground">
            <span>{tc("page", { page, pages })}</span>
            <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {tc("prev")}
            </Button>
            <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {tc("next")}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
