"use client";

import { useTranslations } from "next-intl";
import { Loader2, Sparkles } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ScenarioDialogue } from "@/server/domain/templates/dialogue";
import { DialoguePreview } from "./dialogue-preview";
import type { ClinicOption, TemplateView } from "./script-editor-types";

/** 生成AI外呼预览: the 【生成AI话术】 button and the scenario tabs, spoken for the first 适用门店. */
export function AiPreviewCard({
  scenarios,
  template,
  readOnly,
  generating,
  onGenerate,
  previewClinic,
  edited,
  onEditLine,
}: {
  scenarios: ScenarioDialogue[] | null;
  template: TemplateView | undefined;
  readOnly: boolean;
  generating: boolean;
  onGenerate: () => void;
  previewClinic: ClinicOption | undefined;
  edited: ReadonlySet<string>;
  onEditLine: (scenarioKey: string, round: number, text: string) => void;
}) {
  const t = useTranslations("scripts");
  const values = previewClinic ? { clinicShortName: previewClinic.shortName, clinicAddress: previewClinic.address } : {};
  return (
    <Card className="lg:sticky lg:top-4">
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle className="text-base">{t("sectionPreview")}</CardTitle>
        {!readOnly && (
          <Button type="button" size="sm" onClick={onGenerate} disabled={!template || generating} data-testid="generate">
            {generating ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />}
            {generating ? t("generating") : scenarios ? t("regenerate") : t("generate")}
          </Button>
        )}
      </CardHeader>
      <CardContent className="space-y-3" data-testid="dialogue-preview">
        {scenarios && template ? (
          <>
            <p className="text-xs text-muted-foreground">
              {!readOnly && t("previewHintSentence")}
              {previewClinic ? t("previewClinic", { clinic: previewClinic.shortName }) : null}
            </p>
            <DialoguePreview scenarios={scenarios} intents={template.intents} values={values} editable={!readOnly} edited={edited} onEditLine={onEditLine} />
          </>
        ) : (
          <p className="rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground">{t("previewEmpty")}</p>
        )}
      </CardContent>
    </Card>
  );
}
