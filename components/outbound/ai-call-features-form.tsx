"use client";

import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Info, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";
import { AI_CALL_FEATURE_LIMITS as L, type AiCallFeatures } from "@/server/domain/vendor/ai-call-features";

type Data = RouterOutputs["outboundManagement"]["aiCallFeatures"];
type NumberKey = "maxRingSeconds" | "acquireTimeoutSeconds" | "promptAfterSeconds" | "maxPrompts" | "hangUpAfterSeconds";
type SwitchKey = "voicemailDetection" | "extraction" | "transferToFrontDesk" | "complianceAudio";
type Form = Record<NumberKey, string> & Record<SwitchKey, boolean> & { prompt: string };

const formOf = (f: AiCallFeatures): Form => ({
  voicemailDetection: f.voicemailDetection,
  maxRingSeconds: String(f.maxRingSeconds),
  acquireTimeoutSeconds: String(f.acquireTimeoutSeconds),
  promptAfterSeconds: String(f.silence.promptAfterSeconds),
  prompt: f.silence.prompt,
  maxPrompts: String(f.silence.maxPrompts),
  hangUpAfterSeconds: String(f.silence.hangUpAfterSeconds),
  extraction: f.extraction,
  transferToFrontDesk: f.transferToFrontDesk,
  complianceAudio: f.complianceAudio,
});
// An empty or non-numeric field goes to the server as NaN, which its validation names ("请填写…").
const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/**
 * 外呼管理 → AI 通话功能 (issue 24): the vendor's own call features for the company (Company.aiCallFeatures) — voicemail
 * detection, ring and queue timeouts, silence handling, extraction, transfer, the AI notice — and where each clinic's
 * calls are transferred. Read-only for those who may not manage tasks.
 */
export function AiCallFeaturesForm({ canManage }: { canManage: boolean }) {
  const t = useTranslations("aiCallFeatures");
  const trpc = useTRPC();
  const { data, isLoading, error } = useQuery(trpc.outboundManagement.aiCallFeatures.queryOptions({}));
  if (isLoading) return <Skeleton className="h-96 w-full" aria-label={t("loading")} />;
  if (error || !data) {
    return (
      <Alert variant="destructive" data-testid="ai-features-error">
        <TriangleAlert className="size-4" />
        <AlertDescription>{error?.message ?? t("loadFailed")}</AlertDescription>
      </Alert>
    );
  }
  return <Fields data={data} canManage={canManage} />;
}

function Fields({ data, canManage }: { data: Data; canManage: boolean }) {
  const t = useTranslations("aiCallFeatures");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(formOf(data.features));
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation(
    trpc.outboundManagement.updateAiCallFeatures.mutationOptions({
      onSuccess: async (saved) => {
        setForm(formOf(saved));
        setFormError(null);
        toast.success(t("saved"));
        await queryClient.invalidateQueries({ queryKey: trpc.outboundManagement.aiCallFeatures.queryKey() });
      },
      onError: (e) => setFormError(e.message),
    }),
  );
  const disabled = !canManage || save.isPending;

  const toggle = (key: SwitchKey) => (
    <div className="flex items-start gap-3">
      <Switch
        id={`ai-${key}`}
        data-testid={`ai-${key}`}
        checked={form[key]}
        disabled={disabled}
        onCheckedChange={(v) => setForm({ ...form, [key]: v })}
        aria-describedby={`ai-${key}-hint`}
        className="mt-0.5"
      />
      <div className="space-y-0.5">
        <Label htmlFor={`ai-${key}`}>{t(key)}</Label>
        <p id={`ai-${key}-hint`} className="text-xs text-muted-foreground">
          {t(`${key}Hint`)}
        </p>
      </div>
    </div>
  );
  const number = (key: NumberKey, limits: { min: number; max: number }, unit: "seconds" | "times") => (
    <div className="space-y-1">
      <Label htmlFor={`ai-${key}`}>{t(key)}</Label>
      <div className="flex items-center gap-2">
        <Input
          id={`ai-${key}`}
          data-testid={`ai-${key}`}
          inputMode="numeric"
          className="h-8 w-24"
          value={form[key]}
          disabled={disabled}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
          aria-describedby={`ai-${key}-range`}
        />
        <span className="text-sm text-muted-foreground">{t(unit)}</span>
      </div>
      <p id={`ai-${key}-range`} className="text-xs text-muted-foreground">
        {t("range", { min: limits.min, max: limits.max })}
      </p>
    </div>
  );
  const withFrontDesk = data.clinics.filter((c) => c.frontDeskSkillGroupId !== null);

  return (
    <form
      className="space-y-4"
      data-testid="ai-call-features"
      onSubmit={(e) => {
        e.preventDefault();
        setFormError(null);
        save.mutate({
          voicemailDetection: form.voicemailDetection,
          maxRingSeconds: num(form.maxRingSeconds),
          acquireTimeoutSeconds: num(form.acquireTimeoutSeconds),
          silence: { promptAfterSeconds: num(form.promptAfterSeconds), prompt: form.prompt, maxPrompts: num(form.maxPrompts), hangUpAfterSeconds: num(form.hangUpAfterSeconds) },
          extraction: form.extraction,
          transferToFrontDesk: form.transferToFrontDesk,
          complianceAudio: form.complianceAudio,
        });
      }}
    >
      {!data.vendorApplies ? (
        <Alert data-testid="ai-features-simulator">
          <Info className="size-4" />
          <AlertDescription>{t("simulatorNote")}</AlertDescription>
        </Alert>
      ) : null}
      {data.isDefault ? <p className="text-sm text-muted-foreground" data-testid="ai-features-default">{t("usingDefaults")}</p> : null}

      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("sectionCall")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          {toggle("voicemailDetection")}
          <div className="flex flex-wrap gap-6">
            {number("maxRingSeconds", L.maxRingSeconds, "seconds")}
            {number("acquireTimeoutSeconds", L.acquireTimeoutSeconds, "seconds")}
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("sectionSilence")}</CardTitle>
          <p className="text-sm text-muted-foreground">{t("sectionSilenceHint")}</p>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="flex flex-wrap gap-6">
            {number("promptAfterSeconds", L.promptAfterSeconds, "seconds")}
            {number("maxPrompts", L.maxPrompts, "times")}
            {number("hangUpAfterSeconds", L.hangUpAfterSeconds, "seconds")}
          </div>
          <div className="space-y-1">
            <Label htmlFor="ai-prompt">{t("prompt")}</Label>
            <Input
              id="ai-prompt"
              data-testid="ai-prompt"
              lang="zh-CN"
              data-user-content
              className="max-w-xl"
              value={form.prompt}
              maxLength={L.promptMaxLength}
              disabled={disabled}
              onChange={(e) => setForm({ ...form, prompt: e.target.value })}
            />
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("sectionAfter")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          {toggle("extraction")}
          {toggle("transferToFrontDesk")}
          <div className="pl-11 text-sm" data-testid="ai-front-desks">
            {data.clinics.length === 0 ? (
              <p className="text-muted-foreground">{t("noClinics")}</p>
            ) : (
              <ul className="space-y-0.5">
                {data.clinics.map((c) => (
                  <li key={c.id}>
                    {t("clinicColon", { clinic: c.shortName })}
                    {c.frontDeskSkillGroupId !== null ? t("frontDeskSet", { id: c.frontDeskSkillGroupId }) : <span className="text-muted-foreground">{t("frontDeskNone")}</span>}
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-1 text-xs text-muted-foreground">
              {t("frontDeskSummary", { set: withFrontDesk.length, total: data.clinics.length })}{" "}
              <Link href="/management/clinics" className="underline underline-offset-2">
                {t("frontDeskEdit")}
              </Link>
            </p>
          </div>
          {toggle("complianceAudio")}
          {!form.complianceAudio ? (
            <Alert variant="destructive" data-testid="ai-compliance-off">
              <TriangleAlert className="size-4" />
              <AlertDescription>{t("complianceOffWarning")}</AlertDescription>
            </Alert>
          ) : null}
        </CardContent>
      </Card>

      {formError ? (
        <p role="alert" className="text-sm text-destructive" data-testid="ai-features-form-error">
          {formError}
        </p>
      ) : null}
      {canManage ? (
        <div className="flex gap-2">
          <Button type="submit" disabled={save.isPending} data-testid="ai-features-save">
            {save.isPending ? t("saving") : t("save")}
          </Button>
          <Button type="button" variant="outline" disabled={save.isPending} onClick={() => setForm(formOf(data.defaults))}>
            {t("resetDefaults")}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">{t("readOnly")}</p>
      )}
    </form>
  );
}
