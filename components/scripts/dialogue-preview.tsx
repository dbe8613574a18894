"use client";

import { useTranslations } from "next-intl";
import { ArrowRight, Bot, PhoneOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { IntentCategory, ScenarioDialogue } from "@/server/domain/templates/dialogue";
import { AiBubble } from "./dialogue-bubble";
import { VariableText } from "./variable-text";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

/**
 * The AI外呼预览: one tab per scenario (主流程-1, AI无法应答, 客户不在当地 …); each round is the AI's line (blue) and the
 * patient's likely replies with the intent each leads to and where the call goes next.
 */
export function DialoguePreview({
  scenarios,
  intents,
  values,
  editable,
  edited,
  onEditLine,
}: {
  scenarios: ScenarioDialogue[];
  intents: IntentCategory[];
  values: Partial<Record<string, string>>;
  editable: boolean;
  edited: ReadonlySet<string>;
  onEditLine: (scenarioKey: string, round: number, text: string) => void;
}) {
  const t = useTranslations("scripts");
  const word = useVocabulary();
  const intentLabel = (key: string) => word(intents.find((i) => i.key === key)?.label ?? key);
  const scenarioName = (key: string) => word(scenarios.find((s) => s.key === key)?.name ?? key);
  return (
    <Tabs defaultValue={scenarios[0]?.key} className="gap-3">
      <TabsList className="h-auto w-full flex-wrap justify-start">
        {scenarios.map((s) => (
          <TabsTrigger key={s.key} value={s.key} className="flex-none" data-testid={`scenario-tab-${s.key}`}>
            {word(s.name)}
          </TabsTrigger>
        ))}
      </TabsList>
      {scenarios.map((s) => (
        <TabsContent key={s.key} value={s.key} className="space-y-4" data-testid={`scenario-${s.key}`}>
          {s.rounds.map((r, i) => (
            <div key={i} className="space-y-2">
              <div className="flex items-start gap-2">
                <span className="mt-1 flex size-7 shrink-0 items-center justify-center rounded-full bg-primary/10 text-primary" aria-label={t("aiSpeaker")}>
                  <Bot className="size-4" />
                </span>
                <AiBubble
                  text={r.ai}
                  values={values}
                  edited={edited.has(`${s.key}#${i}`)}
                  editable={editable}
                  onSave={(text) => onEditLine(s.key, i, text)}
                  testId={`ai-bubble-${s.key}-${i}`}
                />
              </div>
              {r.replies.length > 0 ? (
                <div className="ml-9 space-y-1.5 border-l-2 border-dashed border-muted pl-3">
                  <p className="text-xs text-muted-foreground">{t("patientReplies")}</p>
                  {r.replies.map((rep, j) => (
                    <div key={j} className="flex flex-wrap items-center justify-end gap-1.5">
                      <span className="rounded-2xl rounded-tr-sm bg-muted px-3 py-1.5 text-sm" lang="zh-CN">
                        <VariableText text={rep.text} values={values} />
                      </span>
                      {rep.intent && (
                        <Badge variant="outline" className="border-emerald-200 bg-emerald-50 text-emerald-700">
                          {t("intentTag", { intent: intentLabel(rep.intent) })}
                        </Badge>
                      )}
                      {rep.next.kind === "scenario" && (
                        <span className="flex items-center gap-0.5 text-xs text-muted-foreground">
                          <ArrowRight className="size-3" aria-hidden />
                          {t("nextScenario", { name: scenarioName(rep.next.scenario) })}
                        </span>
                      )}
                      {rep.next.kind === "end" && (
                        <span className="flex items-center gap-0.5 text-xs text-muted-foreground">
                          <PhoneOff className="size-3" aria-hidden />
                          {t("nextEnd")}
                        </span>
                      )}
                    </div>
                  ))}
                </div>
              ) : (
                i === s.rounds.length - 1 && (
                  <p className="ml-9 flex items-center gap-1 text-xs text-muted-foreground">
                    <PhoneOff className="size-3" aria-hidden />
                    {t("nextEnd")}
                  </p>
                )
              )}
            </div>
          ))}
        </TabsContent>
      ))}
      <div className="flex flex-wrap items-center gap-1.5 border-t pt-3 text-xs">
        <span className="text-muted-foreground">{t("intentsTitleColon")}</span>
        {intents.map((i) => (
          <Badge key={i.key} variant="secondary">
            {word(i.label)}
          </Badge>
        ))}
      </div>
    </Tabs>
  );
}
