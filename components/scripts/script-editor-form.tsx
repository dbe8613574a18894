"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Info } from "lucide-react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/lib/utils";
import { scriptNameCounter } from "@/server/domain/scripts/script-name";
import { ClinicChecklist } from "./clinic-checklist";
import { ConfirmDialog } from "@/components/shell/confirm-dialog";
import { AiPreviewCard } from "./ai-preview-card";
import { FixedScriptContent } from "./fixed-script-content";
import { HangupSmsFields, type SmsOption } from "./hangup-sms-fields";
import { ParamFields } from "./param-fields";
import type { ClinicOption, ScriptDetail, TemplateView } from "./script-editor-types";
import { TemplateSelect } from "./template-select";
import { templateDefaults, useScriptForm } from "./use-script-form";
import { VoicePicker, type VoiceOption } from "./voice-picker";

export interface ScriptEditorData {
  kind: "ai" | "fixed";
  templates: TemplateView[];
  voices: VoiceOption[];
  clinics: ClinicOption[];
  smsOptions: SmsOption[];
  script?: ScriptDetail;
  initialTemplateId?: string;
  readOnly: boolean;
}

/** 新建 / 编辑话术: the form on the left; for AI scripts the 外呼预览 on the right, for fixed ones the spoken content. */
export function ScriptEditorForm({ kind, templates, voices, clinics, smsOptions, script, initialTemplateId, readOnly }: ScriptEditorData) {
  const t = useTranslations("scripts");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const f = useScriptForm({
    script,
    template: templates.find((x) => x.id === initialTemplateId),
    clinics,
    fallbackVoiceId: voices[0]?.id ?? null,
  });
  const { form } = f;
  const template = script?.template.id === form.templateId ? script.template : templates.find((x) => x.id === form.templateId);
  const [pendingTemplate, setPendingTemplate] = useState<string | null>(null);
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);
  const previewClinic = clinics.find((c) => form.clinicIds.includes(c.id));

  const generate = useMutation(
    trpc.scripts.generate.mutationOptions({
      onSuccess: (res) => {
        f.setScenarios(res.scenarios);
        toast.success(t("generated"));
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const onSaved = async (res: { id: string }) => {
    await queryClient.invalidateQueries({ queryKey: trpc.scripts.pathKey() });
    toast.success(script ? t("updated") : t("created"), form.journeyOnly ? { description: t("journeyReminder") } : undefined);
    if (!script) router.replace(`/management/outbound/scripts/${res.id}`);
  };
  const onSaveError = (e: { message: string; data?: { code?: string; zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | null }) => {
    const fieldErrors = e.data?.zodError?.fieldErrors ?? {};
    const mapped = Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v?.[0] ?? ""]));
    if (e.data?.code === "CONFLICT") mapped.name = e.message;
    if (Object.keys(mapped).length > 0) f.setErrors((prev) => ({ ...prev, ...mapped }));
    toast.error(Object.values(mapped)[0] ?? e.message);
  };
  const create = useMutation(trpc.scripts.create.mutationOptions({ onSuccess: onSaved, onError: onSaveError }));
  const update = useMutation(trpc.scripts.update.mutationOptions({ onSuccess: onSaved, onError: onSaveError }));
  const saving = create.isPending || update.isPending;

  const runGenerate = () => {
    if (!f.checkParamErrors(template)) return toast.error(t("contentIncomplete"));
    generate.mutate({ templateId: form.templateId, params: form.params, clinicIds: form.clinicIds });
  };
  const switchTemplate = (id: string) => {
    const next = templates.find((x) => x.id === id);
    const defaults = templateDefaults(next, clinics);
    f.patch({ templateId: id, params: defaults.params, scenarios: null, ...(defaults.voiceId ? { voiceId: defaults.voiceId } : {}) });
    f.setScenarios(null);
  };
  const save = () => {
    if (nameCounter.tooLong) {
      f.setErrors((prev) => ({ ...prev, name: t("nameTooLong", { length: nameCounter.length, max: nameCounter.max }) }));
      return toast.error(t("nameTooLong", { length: nameCounter.length, max: nameCounter.max }));
    }
    if (!f.checkParamErrors(template)) return toast.error(t("contentIncomplete"));
    const body = {
      name: form.name,
      templateId: form.templateId,
      params: form.params,
      clinicIds: form.clinicIds,
      scenarios: kind === "ai" ? form.scenarios : null,
      voiceId: form.voiceId ?? "",
      voiceSpeed: form.voiceSpeed,
      voicePitch: form.voicePitch,
      voiceVolume: form.voiceVolume,
      hangupSmsEnabled: form.hangupSmsEnabled,
      hangupSmsAnsweredTemplateId: form.hangupSmsAnsweredTemplateId,
      hangupSmsUnansweredTemplateId: form.hangupSmsUnansweredTemplateId,
      journeyOnly: form.journeyOnly,
    };
    if (script) update.mutate({ ...body, id: script.id });
    else create.mutate({ ...body, kind });
  };

  const nameCounter = scriptNameCounter(form.name);
  const paramsTouched = JSON.stringify(form.params) !== JSON.stringify(templateDefaults(template, clinics).params);
  const previewCard =
    kind === "ai" ? (
      <AiPreviewCard
        scenarios={form.scenarios}
        template={template}
        readOnly={readOnly}
        generating={generate.isPending}
        onGenerate={() => (form.scenarios && f.edited.size > 0 ? setConfirmRegenerate(true) : runGenerate())}
        previewClinic={previewClinic}
        edited={f.edited}
        onEditLine={f.editLine}
      />
    ) : null;

  return (
    <div className={kind === "ai" ? "grid items-start gap-4 lg:grid-cols-2" : "max-w-4xl"}>
      <div className="space-y-4">
        {readOnly && (
          <Alert>
            <Info className="size-4" />
            <AlertDescription>{script?.status === "stopped" ? t("readOnlyStopped") : t("readOnlyNoPermission")}</AlertDescription>
          </Alert>
        )}
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("sectionBasics")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <div className="space-y-1.5">
              <Label htmlFor="script-name">
                <span className="text-destructive">*</span>
                {t("name")}
              </Label>
              <div className="relative">
                <Input
                  id="script-name"
                  value={form.name}
                  placeholder={t("namePlaceholder")}
                  onChange={(e) => f.patch({ name: e.target.value })}
                  disabled={readOnly}
                  aria-invalid={Boolean(f.errors.name) || nameCounter.tooLong}
                  aria-describedby="script-name-counter"
                  className="pr-14"
                />
                <span
                  id="script-name-counter"
                  className={cn("pointer-events-none absolute top-2 right-3 text-xs tabular-nums", nameCounter.tooLong ? "font-medium text-destructive" : "text-muted-foreground")}
                  data-testid="script-name-counter"
                >
                  {nameCounter.length}/{nameCounter.max}
                </span>
              </div>
              {f.errors.name || nameCounter.tooLong ? (
                <p className="text-xs text-destructive" data-testid="script-name-error">
                  {f.errors.name ?? t("nameTooLong", { length: nameCounter.length, max: nameCounter.max })}
                </p>
              ) : null}
            </div>
            <TemplateSelect
              templates={templates}
              value={form.templateId}
              disabled={readOnly}
              onChange={(id) => (form.scenarios || paramsTouched ? setPendingTemplate(id) : switchTemplate(id))}
            />
            <div className="space-y-1.5">
              <Label>
                <span className="text-destructive">*</span>
                {t("clinics")}
              </Label>
              <ClinicChecklist clinics={clinics} value={form.clinicIds} onChange={(ids) => f.patch({ clinicIds: ids })} error={f.errors.clinicIds} disabled={readOnly} />
            </div>
          </CardContent>
        </Card>

        {template && (
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("sectionParams")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              <ParamFields schema={template.params} values={form.params} errors={f.paramErrors} clinics={clinics} onChange={f.setParam} disabled={readOnly} />
              {kind === "fixed" && (
                <div className="space-y-2 border-t pt-4">
                  <Label>{t("sectionContent")}</Label>
                  <FixedScriptContent template={template} params={form.params} clinics={clinics} voice={form} />
                </div>
              )}
            </CardContent>
          </Card>
        )}

        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("sectionVoice")}</CardTitle>
          </CardHeader>
          <CardContent>
            <VoicePicker voices={voices} recommendedId={template?.defaultVoiceId ?? null} value={form} onChange={f.patch} disabled={readOnly} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("sectionSms")}</CardTitle>
          </CardHeader>
          <CardContent>
            <HangupSmsFields options={smsOptions} value={form} onChange={f.patch} disabled={readOnly} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("sectionOther")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <label className="flex items-center justify-between gap-3">
              <span>
                <span className="text-sm font-medium">{t("journeyOnly")}</span>
                <span className="block text-xs text-muted-foreground">{t("journeyOnlyHint")}</span>
              </span>
              <Switch checked={form.journeyOnly} onCheckedChange={(on) => f.patch({ journeyOnly: on })} disabled={readOnly} aria-label={t("journeyOnly")} data-testid="journey-only" />
            </label>
            {form.journeyOnly && (
              <Alert>
                <Info className="size-4" />
                <AlertDescription>
                  {t("journeyReminder")}{" "}
                  <Link href="/journeys" className="text-primary underline">
                    {t("goJourneys")}
                  </Link>
                </AlertDescription>
              </Alert>
            )}
          </CardContent>
        </Card>

        <div className="flex justify-end gap-2">
          <Button variant="outline" asChild>
            <Link href={`/management/outbound/scripts${kind === "fixed" ? "?tab=fixed" : ""}`}>{t("back")}</Link>
          </Button>
          {!readOnly && (
            <Button onClick={save} disabled={saving} data-testid="save-script">
              {saving ? t("saving") : t("save")}
            </Button>
          )}
        </div>
      </div>
      {previewCard}

      <ConfirmDialog
        open={pendingTemplate !== null}
        title={t("changeTemplateTitle")}
        body={t("changeTemplateBody")}
        onOpenChange={(o) => !o && setPendingTemplate(null)}
        onConfirm={() => {
          if (pendingTemplate) switchTemplate(pendingTemplate);
          setPendingTemplate(null);
        }}
      />
      <ConfirmDialog
        open={confirmRegenerate}
        title={t("regenerateTitle")}
        body={t("regenerateBody")}
        onOpenChange={setConfirmRegenerate}
        onConfirm={() => {
          setConfirmRegenerate(false);
          runGenerate();
        }}
      />
    </div>
  );
}
