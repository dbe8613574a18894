"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { RouterOutputs } from "@/components/trpc/types";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { SMS_REJECT_REASON_MAX } from "@/server/domain/sms/sms-template";
import { SmsStatusBadge } from "./sms-status-badge";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";

type Status = "pending" | "approved" | "rejected";
type ReviewRow = RouterOutputs["sms"]["reviewList"][number];

/** 短信模板审核 (platform): every company's templates; approve, or reject with a reason. */
export function SmsReviewView() {
  const t = useTranslations("sms");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>("pending");
  const list = useQuery(trpc.sms.reviewList.queryOptions({ status }));
  const [rejecting, setRejecting] = useState<{ id: string; name: string } | null>(null);
  const [reason, setReason] = useState("");
  const review = useMutation(
    trpc.sms.review.mutationOptions({
      onSuccess: async (res) => {
        await queryClient.invalidateQueries({ queryKey: trpc.sms.reviewList.queryKey() });
        toast.success(res.status === "approved" ? t("approved") : t("rejected"));
        setRejecting(null);
        setReason("");
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const columns: ColumnDef<ReviewRow>[] = [
    { id: "company", accessorFn: (r) => r.companyName, header: t("colCompany"), enableSorting: true, meta: { headClassName: "w-40" } },
    { id: "name", accessorFn: (r) => r.name, header: t("colName"), meta: { className: "font-medium", headClassName: "w-40" } },
    {
      id: "content",
      header: t("colContent"),
      meta: { className: "max-w-md whitespace-normal", headClassName: "" },
      cell: ({ row: { original: r } }) => (
        <>
          <p className="text-sm">{r.content}</p>
          {r.rejectReason && <p className="mt-1 text-xs text-destructive">{t("rejectReason", { reason: r.rejectReason })}</p>}
        </>
      ),
    },
    { id: "status", header: t("colStatus"), meta: { headClassName: "w-28" }, cell: ({ row }) => <SmsStatusBadge status={row.original.status} /> },
    {
      id: "at",
      header: status === "pending" ? t("colUpdatedAt") : t("reviewedAt"),
      meta: { className: "whitespace-nowrap text-muted-foreground", headClassName: "w-40" },
      cell: ({ row: { original: r } }) => formatInZone(status === "pending" ? r.updatedAt : r.reviewedAt, DEFAULT_TIME_ZONE, "minute"),
    },
  ];
  if (status === "pending") {
    columns.push({
      id: "actions",
      header: t("colActions"),
      meta: { className: "text-right whitespace-nowrap", headClassName: "w-36 text-right" },
      cell: ({ row: { original: r } }) => (
        <>
          <Button variant="link" size="sm" disabled={review.isPending} onClick={() => review.mutate({ id: r.id, approve: true })}>
            {t("approve")}
          </Button>
          <Button variant="link" size="sm" className="text-destructive" onClick={() => setRejecting({ id: r.id, name: r.name })}>
            {t("reject")}
          </Button>
        </>
      ),
    });
  }
  return (
    <div className="space-y-3">
      <Tabs value={status} onValueChange={(v) => setStatus(v as Status)}>
        <TabsList>
          {(["pending", "approved", "rejected"] as const).map((s) => (
            <TabsTrigger key={s} value={s} aria-controls={undefined /* filters the one list below: no panel per tab */}>
              {t(`status_${s}`)}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      <div className="rounded-lg border bg-background">
        <DataTable columns={columns} query={list} loadingRows={1} empty={t("reviewEmpty")} rowTestId="sms-review-row" />
      </div>
      <Dialog open={rejecting !== null} onOpenChange={(o) => !o && setRejecting(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{rejecting ? t("rejectTitle", { name: rejecting.name }) : null}</DialogTitle>
          </DialogHeader>
          <div className="space-y-1.5">
            <Label htmlFor="reject-reason">
              <span className="text-destructive">*</span>
              {t("rejectReasonLabel")}
            </Label>
            <Textarea id="reject-reason" value={reason} maxLength={SMS_REJECT_REASON_MAX} placeholder={t("rejectReasonPlaceholder")} onChange={(e) => setReason(e.target.value)} />
          </div>
          <DialogFooter>
            <Button variant="outline" onClick={() => setRejecting(null)}>
              {tc("cancel")}
            </Button>
            <Button
              variant="destructive"
              disabled={review.isPending || !reason.trim()}
              onClick={() => rejecting && review.mutate({ id: rejecting.id, approve: false, reason })}
            >
              {t("reject")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
