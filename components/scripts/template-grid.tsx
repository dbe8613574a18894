"use client";

import { useTranslations } from "next-intl";
import { Sparkles } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { templateTextForDisplay } from "@/server/domain/templates/render-text";
import { cn } from "@/lib/utils";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

export interface TemplateSummary {
  id: string;
  name: string;
  kind: "ai" | "fixed";
  category: "service" | "marketing";
  description: string | null;
  custom: boolean;
  body: string | null;
  params: { key: string; label: string }[];
}

/** Template cards: name, category (decides interception rules), description; 专属定制 ones marked. */
export function TemplateGrid({ templates, onPick }: { templates: TemplateSummary[]; onPick?: (t: TemplateSummary) => void }) {
  const t = useTranslations("scripts");
  const word = useVocabulary();
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {templates.map((tpl) => (
        <div
          key={tpl.id}
          className={cn("flex flex-col gap-2 rounded-lg border bg-background p-4", tpl.custom && "border-primary/40 bg-primary/5")}
          data-testid={`template-${tpl.name}`}
        >
          <div className="flex items-start justify-between gap-2">
            <h3 className="font-medium leading-snug">{word(tpl.name)}</h3>
            <div className="flex shrink-0 gap-1">
              {tpl.custom && (
                <Badge className="gap-1">
                  <Sparkles aria-hidden />
                  {t("customBadge")}
                </Badge>
              )}
              <Badge variant="outline">{t(`category_${tpl.category}`)}</Badge>
            </div>
          </div>
          {tpl.kind === "fixed" && tpl.body ? (
            <p className="line-clamp-3 flex-1 text-sm text-muted-foreground" lang="zh-CN">
              {templateTextForDisplay(tpl.body, tpl.params)}
            </p>
          ) : (
            <p className="line-clamp-3 flex-1 text-sm text-muted-foreground">{word(tpl.description)}</p>
          )}
          {onPick && (
            <Button size="sm" variant="outline" className="self-end" onClick={() => onPick(tpl)}>
              {t("useTemplate")}
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}
