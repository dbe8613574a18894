"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import type { RouterOutputs } from "@/components/trpc/types";

type Row = RouterOutputs["callRecords"]["list"]["items"][number];
type T = (key: string) => string;

/** 话单记录's post-call columns (issue 25): 小结, 客户提出时间, 需回电 (a complaint is 高优先), 人工修正 / 待复核. */
export function analysisColumns(t: T): ColumnDef<Row>[] {
  return [
    {
      id: "summary",
      header: t("summaryColumn"),
      meta: { className: "max-w-64" },
      cell: ({ row: { original: r } }) =>
        r.summary ? (
          <span className="line-clamp-2 text-xs" title={r.summary} data-testid="summary-cell">
            {r.summary}
          </span>
        ) : (
          "—"
        ),
    },
    {
      id: "proposedTime",
      header: t("proposedTimeColumn"),
      meta: { className: "whitespace-nowrap" },
      cell: ({ row: { original: r } }) => r.proposedTime ?? "—",
    },
    {
      id: "callback",
      header: t("callbackColumn"),
      meta: { className: "whitespace-nowrap" },
      cell: ({ row: { original: r } }) => (
        <div className="flex flex-wrap gap-1">
          {r.complaint ? (
            <Badge variant="destructive" data-testid="complaint-callback-badge">
              {t("callbackHigh")}
            </Badge>
          ) : r.callbackRequested ? (
            <Badge variant="outline" className="border-red-300 text-red-700">
              {t("callbackColumn")}
            </Badge>
          ) : (
            "—"
          )}
          {r.corrected ? <Badge variant="secondary">{t("manualCorrection")}</Badge> : r.needsReview ? <Badge variant="outline">{t("reviewFilter")}</Badge> : null}
        </div>
      ),
    },
  ];
}
