"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { isSmsTemplateEditable } from "@/server/domain/sms/sms-template";
import { SmsStatusBadge } from "./sms-status-badge";
import { SmsTemplateDialog, type EditableSmsTemplate } from "./sms-template-dialog";
import { SmsVendorTemplateDialog } from "./sms-vendor-template-dialog";
import { TableLoadingRows, TableEmptyRow } from "@/components/shell/table-status-rows";

type Status = "pending" | "approved" | "rejected";

/** 短信模板管理: the company's templates with their review status; pending or rejected ones can be edited and resubmitted. */
export function SmsTemplateTable() {
  const t = useTranslations("sms");
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status | "all">("all");
  const list = useQuery(trpc.sms.templates.queryOptions(status === "all" ? {} : { status }));
  const [dialog, setDialog] = useState<{ open: boolean; template: EditableSmsTemplate | null; n: number }>({ open: false, template: null, n: 0 });
  const openDialog = (template: EditableSmsTemplate | null) => setDialog((d) => ({ open: true, template, n: d.n + 1 }));
  type Mapped = { id: string; name: string; vendorTemplateId: string | null };
  const [vendor, setVendor] = useState<{ open: boolean; template: Mapped | null; n: number }>({ open: false, template: null, n: 0 });

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <Select value={status} onValueChange={(v) => setStatus(v as Status | "all")}>
          <SelectTrigger className="w-32" aria-label={t("colStatus")}>
            <SelectValue>{status === "all" ? t("statusAll") : t(`status_${status}`)}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">{t("statusAll")}</SelectItem>
            {(["pending", "approved", "rejected"] as const).map((s) => (
              <SelectItem key={s} value={s}>
                {t(`status_${s}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Button onClick={() => openDialog(null)} data-testid="new-sms-template">
          <Plus aria-hidden />
          {t("newTemplate")}
        </Button>
      </div>
      <div className="rounded-lg border bg-background">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-44">{t("colName")}</TableHead>
              <TableHead>{t("colContent")}</TableHead>
              <TableHead className="w-24">{t("colSegments")}</TableHead>
              <TableHead className="w-28">{t("colStatus")}</TableHead>
              <TableHead className="w-36">{t("colVendorTemplate")}</TableHead>
              <TableHead className="w-40">{t("colUpdatedAt")}</TableHead>
              <TableHead className="w-32 text-right">{t("colActions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.isPending ? (
              <TableLoadingRows colSpan={7} rows={1} />
            ) : list.data?.length === 0 ? (
              <TableEmptyRow colSpan={7}>
                {t("empty")}
              </TableEmptyRow>
            ) : (
              list.data?.map((r) => (
                <TableRow key={r.id} data-testid="sms-template-row">
                  <TableCell className="font-medium">{r.name}</TableCell>
                  <TableCell className="max-w-md whitespace-normal">
                    <p className="text-sm">{r.content}</p>
                    {r.status === "rejected" && r.rejectReason && <p className="mt-1 text-xs text-destructive">{t("rejectReason", { reason: r.rejectReason })}</p>}
                  </TableCell>
                  <TableCell>{r.segments}</TableCell>
                  <TableCell>
                    <SmsStatusBadge status={r.status} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap" data-testid="sms-vendor-template">
                    <span className={r.vendorTemplateId ? "font-mono text-sm" : "text-xs text-muted-foreground"}>{r.vendorTemplateId ?? t("vendorUnmapped")}</span>
                    <Button variant="link" size="sm" onClick={() => setVendor((v) => ({ open: true, template: r, n: v.n + 1 }))} aria-label={`${t("vendorTitle")}：${r.name}`}>
                      {r.vendorTemplateId ? t("vendorEdit") : t("vendorMap")}
                    </Button>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">{formatInZone(r.updatedAt, "Asia/Shanghai", "minute")}</TableCell>
                  <TableCell className="text-right">
                    {isSmsTemplateEditable(r.status) ? (
                      <Button variant="link" size="sm" onClick={() => openDialog(r)}>
                        {r.status === "rejected" ? t("resubmit") : t("edit")}
                      </Button>
                    ) : (
                      <span className="text-xs text-muted-foreground" title={t("approvedLocked")}>
                        —
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <SmsVendorTemplateDialog key={`v${vendor.n}`} open={vendor.open} onOpenChange={(open) => setVendor((v) => ({ ...v, open }))} template={vendor.template} />
      <SmsTemplateDialog key={dialog.n} open={dialog.open} onOpenChange={(open) => setDialog((d) => ({ ...d, open }))} template={dialog.template} />
    </div>
  );
}
