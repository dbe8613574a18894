"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/components/trpc/client";
import { REJECT_REASON_MAX } from "@/server/domain/qualification/application-rules";

const QUICK = ["quickReason1", "quickReason2", "quickReason3", "quickReason4"] as const;

/** 驳回 with a required reason the company will see. */
export function RejectDialog({ applicationId }: { applicationId: string }) {
  const t = useTranslations("qualificationReview");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);

  const reject = useMutation(
    trpc.qualificationReview.reject.mutationOptions({
      onSuccess: async () => {
        toast.success(t("rejectedToast"));
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.qualificationReview.pathKey() });
      },
      onError: (e) => {
        const field = (e.data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined)?.reason?.[0];
        if (field) setError(field);
        else toast.error(e.message);
      },
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setReason("");
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" className="border-destructive/40 text-destructive hover:bg-destructive/5" data-testid="reject">
          {t("reject")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("rejectTitle")}</DialogTitle>
          <DialogDescription>{t("rejectHint")}</DialogDescription>
        </DialogHeader>
        <form
          className="space-y-3"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setError(t("reasonRequired"));
            setError(null);
            reject.mutate({ id: applicationId, reason });
          }}
        >
          <div className="space-y-1.5">
            <Label htmlFor="reject-reason">
              <span className="text-destructive">*</span>
              {t("rejectReason")}
            </Label>
            <Textarea
              id="reject-reason"
              rows={4}
              value={reason}
              maxLength={REJECT_REASON_MAX}
              placeholder={t("rejectReasonPlaceholder")}
              aria-invalid={Boolean(error)}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="flex justify-between text-xs">
              <span className="text-destructive" role={error ? "alert" : undefined}>
                {error}
              </span>
              <span className="tabular-nums text-muted-foreground">
                {reason.length}/{REJECT_REASON_MAX}
              </span>
            </div>
          </div>
          <div className="space-y-1.5">
            <div className="text-xs text-muted-foreground">{t("quickReasons")}</div>
            <div className="flex flex-wrap gap-1.5">
              {QUICK.map((key) => (
                <button
                  key={key}
                  type="button"
                  className="rounded-full border px-2.5 py-1 text-xs hover:border-primary hover:text-primary"
                  onClick={() => setReason((r) => (r.trim() ? `${r.trim()}${tc("sentenceSeparator")}${t(key)}` : t(key)).slice(0, REJECT_REASON_MAX))}
                >
                  {t(key)}
                </button>
              ))}
            </div>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" variant="destructive" disabled={reject.isPending} data-testid="confirm-reject">
              {reject.isPending ? tc("loading") : t("confirmReject")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
