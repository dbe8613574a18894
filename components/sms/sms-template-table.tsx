"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FilterSelect } from "@/components/shell/filter-select";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { isSmsTemplateEditable } from "@/server/domain/sms/sms-template";
import { SmsStatusBadge } from "./sms-status-badge";
import { SmsTemplateDialog, type EditableSmsTemplate } from "./sms-template-dialog";
import { SmsVendorTemplateDialog } from "./sms-vendor-template-dialog";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";

type Status = "pending" | "approved" | "rejected";
type SmsTemplateRow = RouterOutputs["sms"]["templates"][number];

/** 短信模板管理: the company's templates with their review status; pending or rejected ones can be edited and resubmitted. */
export function SmsTemplateTable() {
  const t = useTranslations("sms");
  const tcommon = useTranslations("common");
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status | "all">("all");
  const list = useQuery(trpc.sms.templates.queryOptions(status === "all" ? {} : { status }));
  const [dialog, setDialog] = useState<{ open: boolean; template: EditableSmsTemplate | null; n: number }>({ open: false, template: null, n: 0 });
  const openDialog = (template: EditableSmsTemplate | null) => setDialog((d) => ({ open: true, template, n: d.n + 1 }));
  type Mapped = { id: string; name: string; vendorTemplateId: string | null };
  const [vendor, setVendor] = useState<{ open: boolean; template: Mapped | null; n: number }>({ open: false, template: null, n: 0 });
  const columns: ColumnDef<SmsTemplateRow>[] = [
    { id: "name", accessorFn: (r) => r.name, header: t("colName"), enableSorting: true, meta: { className: "font-medium", headClassName: "w-44" } },
    {
      id: "content",
      header: t("colContent"),
      meta: { className: "max-w-md whitespace-normal", headClassName: "" },
      cell: ({ row: { original: r } }) => (
        <>
          <p className="text-sm">{r.content}</p>
          {r.status === "rejected" && r.rejectReason && <p className="mt-1 text-xs text-destructive">{t("rejectReason", { reason: r.rejectReason })}</p>}
        </>
      ),
    },
    { id: "segments", header: t("colSegments"), meta: { headClassName: "w-24" }, cell: ({ row }) => row.original.segments },
    { id: "status", header: t("colStatus"), meta: { headClassName: "w-28" }, cell: ({ row }) => <SmsStatusBadge status={row.original.status} /> },
    {
      id: "vendorTemplate",
      header: t("colVendorTemplate"),
      meta: { className: "whitespace-nowrap", headClassName: "w-36" },
      cell: ({ row: { original: r } }) => (
        <div data-testid="sms-vendor-template">
          <span className={r.vendorTemplateId ? "font-mono text-sm" : "text-xs text-muted-foreground"}>{r.vendorTemplateId ?? t("vendorUnmapped")}</span>
          <Button variant="link" size="sm" onClick={() => setVendor((v) => ({ open: true, template: r, n: v.n + 1 }))} aria-label={tcommon("labelValue", { label: t("vendorTitle"), value: r.name })}>
            {r.vendorTemplateId ? t("vendorEdit") : t("vendorMap")}
          </Button>
        </div>
      ),
    },
    {
      id: "updatedAt",
      accessorFn: (r) => new Date(r.updatedAt).getTime(),
      header: t("colUpdatedAt"),
      enableSorting: true,
      meta: { className: "whitespace-nowrap text-muted-foreground", headClassName: "w-40" },
      cell: ({ row }) => formatInZone(row.original.updatedAt, DEFAULT_TIME_ZONE, "minute"),
    },
    {
      id: "actions",
      header: t("colActions"),
      meta: { className: "text-right", headClassName: "w-32 text-right" },
      cell: ({ row: { original: r } }) =>
        isSmsTemplateEditable(r.status) ? (
          <Button variant="link" size="sm" onClick={() => openDialog(r)}>
            {r.status === "rejected" ? t("resubmit") : t("edit")}
          </Button>
        ) : (
          <span className="text-xs text-muted-foreground" title={t("approvedLocked")}>
            —
          </span>
        ),
    },
  ];

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <FilterSelect
          label={t("colStatus")}
          allLabel={t("statusAll")}
          value={status === "all" ? undefined : status}
          options={(["pending", "approved", "rejected"] as const).map((s) => ({ value: s, label: t(`status_${s}`) }))}
          onChange={(v) => setStatus(v ?? "all")}
          className="w-32"
        />
        <Button onClick={() => openDialog(null)} data-testid="new-sms-template">
          <Plus aria-hidden />
          {t("newTemplate")}
        </Button>
      </div>
      <div className="rounded-lg border bg-background">
        <DataTable columns={columns} query={list} loadingRows={1} empty={t("empty")} rowTestId="sms-template-row" />
      </div>
      <SmsVendorTemplateDialog key={`v${vendor.n}`} open={vendor.open} onOpenChange={(open) => setVendor((v) => ({ ...v, open }))} template={vendor.template} />
      <SmsTemplateDialog key={dialog.n} open={dialog.open} onOpenChange={(open) => setDialog((d) => ({ ...d, open }))} template={dialog.template} />
    </div>
  );
}
