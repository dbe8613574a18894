"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Download } from "lucide-react";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { formatInZone } from "@/components/calls/format-time";
import { DateRangeFilter } from "@/components/shell/date-range-filter";
import { FilterSelect } from "@/components/shell/filter-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";
import { cn } from "@/lib/utils";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";

const PAGE_SIZE = 20;
type Row = RouterOutputs["sms"]["messages"]["items"][number];
type Filters = { status?: "queued" | "sent" | "failed"; templateId?: string; from?: string; to?: string };

const TONE: Record<Row["status"], string> = {
  queued: "border-amber-200 bg-amber-50 text-amber-700",
  sent: "border-sky-200 bg-sky-50 text-sky-700",
  delivered: "border-emerald-200 bg-emerald-50 text-emerald-700",
  failed: "border-red-200 bg-red-50 text-red-700",
};

/** 【营销】-【短信发送记录】: every hang-up SMS with recipient, template, content, status and failure reason. */
export function SmsRecordsView() {
  const t = useTranslations("smsRecords");
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const list = useQuery({ ...trpc.sms.messages.queryOptions({ ...filters, page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const change = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const exportHref = `/api/sms/messages/export?${new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1])).toString()}`;

  const columns: ColumnDef<Row>[] = [
    { id: "time", header: t("colTime"), meta: { className: "whitespace-nowrap text-muted-foreground", headClassName: "" }, cell: ({ row }) => formatInZone(row.original.createdAt, DEFAULT_TIME_ZONE) },
    {
      id: "patient",
      header: t("colPatient"),
      cell: ({ row: { original: r } }) => (
        <div>
          <div className="font-medium">{r.patientName ?? "—"}</div>
          <div className="font-mono text-xs text-muted-foreground" data-testid="sms-record-mobile">
            {r.mobile}
          </div>
        </div>
      ),
    },
    { id: "clinic", header: t("colClinic"), cell: ({ row }) => row.original.clinic ?? "—" },
    { id: "template", header: t("colTemplate"), cell: ({ row }) => row.original.templateName ?? "—" },
    { id: "content", header: t("colContent"), meta: { className: "max-w-md whitespace-normal text-xs" }, cell: ({ row }) => row.original.content },
    {
      id: "status",
      header: t("colStatus"),
      cell: ({ row: { original: r } }) => (
        <Badge variant="outline" className={cn(TONE[r.status])} data-testid="sms-record-status">
          {t(`status_${r.status}`)}
        </Badge>
      ),
    },
    { id: "failReason", header: t("colFailReason"), meta: { className: "text-xs text-destructive" }, cell: ({ row }) => row.original.failReason ?? "" },
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <FilterSelect
          label={t("colStatus")}
          allLabel={t("allStatuses")}
          value={filters.status}
          options={(["sent", "failed", "queued"] as const).map((s) => ({ value: s, label: t(`status_${s}`) }))}
          onChange={(status) => change({ status })}
        />
        <FilterSelect
          label={t("colTemplate")}
          allLabel={t("allTemplates")}
          value={filters.templateId}
          options={list.data?.templates.map((x) => ({ value: x.id, label: x.name }))}
          onChange={(templateId) => change({ templateId })}
          className="w-56"
        />
        <DateRangeFilter from={filters.from} to={filters.to} onChange={change} />
        <Button variant="outline" size="sm" className="ml-auto" asChild>
          <a href={exportHref} download data-testid="sms-records-export">
            <Download className="size-4" /> {t("export")}
          </a>
        </Button>
      </div>
      <div className="rounded-lg border bg-background">
        <DataTable
          columns={columns}
          query={list}
          loadingRows={3}
          empty={{ title: t("empty"), hint: t("emptyHint") }}
          rowTestId="sms-record-row"
          pagination={{ page, pageSize: PAGE_SIZE, onPageChange: setPage, totalTestId: "sms-records-total" }}
        />
      </div>
    </div>
  );
}
