"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/components/trpc/client";
import { SMS_CONTENT_MAX, SMS_NAME_MAX, smsSegments } from "@/server/domain/sms/sms-template";

export interface EditableSmsTemplate {
  id: string;
  name: string;
  content: string;
}

/** 新建 / 编辑短信模板: saving submits it for review (待审核). */
export function SmsTemplateDialog({ open, onOpenChange, template }: { open: boolean; onOpenChange: (open: boolean) => void; template: EditableSmsTemplate | null }) {
  const t = useTranslations("sms");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(template?.name ?? "");
  const [content, setContent] = useState(template?.content ?? "");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.sms.templates.queryKey() });
      toast.success(t("submitted"));
      onOpenChange(false);
    },
    onError: (e: { message: string; data?: { code?: string; zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | null }) => {
      const fe = e.data?.zodError?.fieldErrors;
      if (fe) setErrors({ name: fe.name?.[0], content: fe.content?.[0] });
      else if (e.data?.code === "CONFLICT") setErrors({ name: e.message });
      else toast.error(e.message);
    },
  };
  const create = useMutation(trpc.sms.createTemplate.mutationOptions(options));
  const update = useMutation(trpc.sms.updateTemplate.mutationOptions(options));
  const pending = create.isPending || update.isPending;
  const count = Array.from(content).length;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{template ? t("dialogEdit") : t("dialogCreate")}</DialogTitle>
          <DialogDescription>{t("submitHint")}</DialogDescription>
        </DialogHeader>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            setErrors({});
            if (template) update.mutate({ id: template.id, name, content });
            else create.mutate({ name, content });
          }}
        >
          <div className="space-y-1.5">
            <Label htmlFor="sms-name">
              <span className="text-destructive">*</span>
              {t("name")}
            </Label>
            <Input id="sms-name" value={name} maxLength={SMS_NAME_MAX} placeholder={t("namePlaceholder")} onChange={(e) => setName(e.target.value)} aria-invalid={Boolean(errors.name)} />
            {errors.name && <p className="text-xs text-destructive">{errors.name}</p>}
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="sms-content">
              <span className="text-destructive">*</span>
              {t("content")}
            </Label>
            <Textarea
              id="sms-content"
              value={content}
              rows={4}
              maxLength={SMS_CONTENT_MAX}
              placeholder={t("contentPlaceholder", { shortName: "{诊所简称}", address: "{诊所地址}" })}
              onChange={(e) => setContent(e.target.value)}
              aria-invalid={Boolean(errors.content)}
            />
            <p className={errors.content ? "text-xs text-destructive" : "text-right text-xs text-muted-foreground"}>
              {errors.content ?? t("contentCount", { count, max: SMS_CONTENT_MAX, segments: smsSegments(content) })}
            </p>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("submitting") : t("submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
