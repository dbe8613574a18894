"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/components/trpc/client";

/** 关联腾讯云模板ID: which approved Tencent SMS template a template is sent as (no re-review: the wording is unchanged). */
export function SmsVendorTemplateDialog({
  open,
  onOpenChange,
  template,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  template: { id: string; name: string; vendorTemplateId: string | null } | null;
}) {
  const t = useTranslations("sms");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(template?.vendorTemplateId ?? "");
  const [error, setError] = useState<string | undefined>();
  const save = useMutation(
    trpc.sms.setVendorTemplate.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.sms.templates.queryKey() });
        toast.success(t("vendorSaved"));
        onOpenChange(false);
      },
      onError: (e) => {
        const fe = e.data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined;
        if (fe?.vendorTemplateId) setError(fe.vendorTemplateId[0]);
        else toast.error(e.message);
      },
    }),
  );
  if (!template) return null;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("vendorTitle")}</DialogTitle>
          <DialogDescription>{t("vendorHint")}</DialogDescription>
        </DialogHeader>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            setError(undefined);
            save.mutate({ id: template.id, vendorTemplateId: value });
          }}
        >
          <p className="text-sm font-medium">{template.name}</p>
          <div className="space-y-1.5">
            <Label htmlFor="sms-vendor-id">{t("vendorLabel")}</Label>
            <Input id="sms-vendor-id" value={value} inputMode="numeric" maxLength={32} placeholder={t("vendorPlaceholder")} onChange={(e) => setValue(e.target.value)} aria-invalid={Boolean(error)} />
            {error && <p className="text-xs text-destructive">{error}</p>}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={save.isPending} data-testid="save-vendor-template">
              {t("vendorSave")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
