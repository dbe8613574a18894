"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectGroup, SelectItem, SelectLabel, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { TemplateView } from "./script-editor-types";

/** 选择话术模版 (required): presets grouped by category, then the company's 专属定制 ones. */
export function TemplateSelect({
  templates,
  value,
  onChange,
  disabled,
}: {
  templates: TemplateView[];
  value: string;
  onChange: (id: string) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("scripts");
  const current = templates.find((x) => x.id === value);
  const groups = [
    { label: t("category_service"), items: templates.filter((x) => !x.custom && x.category === "service") },
    { label: t("category_marketing"), items: templates.filter((x) => !x.custom && x.category === "marketing") },
    { label: t("customBadge"), items: templates.filter((x) => x.custom) },
  ].filter((g) => g.items.length > 0);
  return (
    <div className="space-y-1.5">
      <Label htmlFor="script-template">
        <span className="text-destructive">*</span>
        {t("template")}
      </Label>
      <Select value={value ?? ""} onValueChange={onChange} disabled={disabled}>
        <SelectTrigger id="script-template" className="w-full" aria-label={t("template")}>
          <SelectValue placeholder={t("templatePlaceholder")} />
        </SelectTrigger>
        <SelectContent>
          {groups.map((g) => (
            <SelectGroup key={g.label}>
              <SelectLabel>{g.label}</SelectLabel>
              {g.items.map((x) => (
                <SelectItem key={x.id} value={x.id}>
                  {x.name}
                </SelectItem>
              ))}
            </SelectGroup>
          ))}
        </SelectContent>
      </Select>
      {current && (
        <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
          <Badge variant="outline">{t(`category_${current.category}`)}</Badge>
          {current.custom && <Badge variant="secondary">{t("customBadge")}</Badge>}
          {current.description}
        </p>
      )}
    </div>
  );
}
