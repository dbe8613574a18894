"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { formatInZone } from "@/components/calls/format-time";
import { useTRPC } from "@/components/trpc/client";
import { SMS_REJECT_REASON_MAX } from "@/server/domain/sms/sms-template";
import { SmsStatusBadge } from "./sms-status-badge";
import { TableLoadingRows, TableEmptyRow } from "@/components/shell/table-status-rows";

type Status = "pending" | "approved" | "rejected";

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
  return (
    <div className="space-y-3">
      <Tabs value={status} onValueChange={(v) => setStatus(v as Status)}>
        <TabsList>
          {(["pending", "approved", "rejected"] as const).map((s) => (
            <TabsTrigger key={s} value={s}>
              {t(`status_${s}`)}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      <div className="rounded-lg border bg-background">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-40">{t("colCompany")}</TableHead>
              <TableHead className="w-40">{t("colName")}</TableHead>
              <TableHead>{t("colContent")}</TableHead>
              <TableHead className="w-28">{t("colStatus")}</TableHead>
              <TableHead className="w-40">{status === "pending" ? t("colUpdatedAt") : t("reviewedAt")}</TableHead>
              {status === "pending" && <TableHead className="w-36 text-right">{t("colActions")}</TableHead>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.isPending ? (
              <TableLoadingRows colSpan={6} rows={1} />
            ) : list.data?.length === 0 ? (
              <TableEmptyRow colSpan={6}>
                {t("reviewEmpty")}
              </TableEmptyRow>
            ) : (
              list.data?.map((r) => (
                <TableRow key={r.id} data-testid="sms-review-row">
                  <TableCell>{r.companyName}</TableCell>
                  <TableCell className="font-medium">{r.name}</TableCell>
                  <TableCell className="max-w-md whitespace-normal">
                    <p className="text-sm">{r.content}</p>
                    {r.rejectReason && <p className="mt-1 text-xs text-destructive">{t("rejectReason", { reason: r.rejectReason })}</p>}
                  </TableCell>
                  <TableCell>
                    <SmsStatusBadge status={r.status} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">{formatInZone(status === "pending" ? r.updatedAt : r.reviewedAt, "Asia/Shanghai", "minute")}</TableCell>
                  {status === "pending" && (
                    <TableCell className="text-right whitespace-nowrap">
                      <Button variant="link" size="sm" disabled={review.isPending} onClick={() => review.mutate({ id: r.id, approve: true })}>
                        {t("approve")}
                      </Button>
                      <Button variant="link" size="sm" className="text-destructive" onClick={() => setRejecting({ id: r.id, name: r.name })}>
                        {t("reject")}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
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
