"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";

type Settings = RouterOutputs["monitor"]["alertSettings"];

/** 实时监控 → 告警设置 (company admin): thresholds and where alerts are also sent. */
export function AlertSettingsForm() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.monitor.alertSettings.queryOptions());
  if (!data) return null;
  return <AlertSettingsFields initial={data} />;
}

function AlertSettingsFields({ initial }: { initial: Settings }) {
  const t = useTranslations("monitor.settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    balanceMinutes: String(initial.balanceMinutes),
    answerRatePercent: String(initial.answerRatePercent),
    interceptedPercent: String(initial.interceptedPercent),
    smsMobile: initial.smsMobile ?? "",
    byWebhook: initial.byWebhook,
  });
  const save = useMutation(
    trpc.monitor.updateAlertSettings.mutationOptions({
      onSuccess: () => {
        toast.success(t("saved"));
        void queryClient.invalidateQueries({ queryKey: trpc.monitor.pathKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const number = (key: "balanceMinutes" | "answerRatePercent" | "interceptedPercent") => (
    <div className="space-y-1">
      <Label htmlFor={`alert-${key}`}>{t(key)}</Label>
      <Input
        id={`alert-${key}`}
        data-testid={`alert-${key}`}
        type="number"
        min={0}
        className="w-32"
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <Card data-testid="alert-settings">
      <CardHeader>
        <CardTitle className="text-base">{t("title")}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("hint")}</p>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-wrap items-end gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              balanceMinutes: Number(form.balanceMinutes),
              answerRatePercent: Number(form.answerRatePercent),
              interceptedPercent: Number(form.interceptedPercent),
              smsMobile: form.smsMobile.trim() || null,
              byWebhook: form.byWebhook,
            });
          }}
        >
          {number("balanceMinutes")}
          {number("answerRatePercent")}
          {number("interceptedPercent")}
          <div className="space-y-1">
            <Label htmlFor="alert-smsMobile">{t("smsMobile")}</Label>
            <Input id="alert-smsMobile" data-testid="alert-smsMobile" className="w-40" inputMode="tel" value={form.smsMobile} onChange={(e) => setForm({ ...form, smsMobile: e.target.value })} />
          </div>
          <div className="flex items-center gap-2 pb-2">
            <Switch id="alert-byWebhook" checked={form.byWebhook} onCheckedChange={(v) => setForm({ ...form, byWebhook: v })} />
            <Label htmlFor="alert-byWebhook">{t("byWebhook")}</Label>
            <span className="text-xs text-muted-foreground">{t("webhooks", { count: initial.webhooks })}</span>
          </div>
          <Button type="submit" disabled={save.isPending} data-testid="alert-save">
            {t("save")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
