"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { paramMaxLength } from "@/server/domain/templates/params";
import type { TemplateParam } from "@/server/domain/templates/template-types";

/** 设置参数: a form generated from the template's schema; required fields carry a red *. */
export function ParamFields({
  schema,
  values,
  errors,
  clinics,
  onChange,
  disabled,
}: {
  schema: TemplateParam[];
  values: Record<string, string>;
  errors: Record<string, string>;
  clinics: { id: string; shortName: string; address: string }[];
  onChange: (key: string, value: string) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("scripts");
  if (schema.length === 0) return <p className="text-sm text-muted-foreground">{t("paramsEmpty")}</p>;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {schema.map((p) => {
        const id = `param-${p.key}`;
        const value = values[p.key] ?? "";
        const error = errors[p.key];
        const wide = p.kind === "textarea";
        return (
          <div key={p.key} className={wide ? "space-y-1.5 sm:col-span-2" : "space-y-1.5"}>
            <Label htmlFor={id}>
              {p.required && <span className="text-destructive">*</span>}
              {p.label}
            </Label>
            {p.kind === "select" || p.kind === "clinic" ? (
              <Select value={value ?? ""} onValueChange={(v) => onChange(p.key, v)} disabled={disabled}>
                <SelectTrigger id={id} className="w-full" aria-invalid={Boolean(error)} aria-label={p.label}>
                  <SelectValue placeholder={p.kind === "clinic" ? t("clinicPlaceholder") : t("selectPlaceholder")} />
                </SelectTrigger>
                <SelectContent>
                  {p.kind === "clinic"
                    ? clinics.map((c) => (
                        <SelectItem key={c.id} value={c.id}>
                          {c.shortName}
                        </SelectItem>
                      ))
                    : p.options?.map((o) => (
                        <SelectItem key={o} value={o}>
                          {o}
                        </SelectItem>
                      ))}
                </SelectContent>
              </Select>
            ) : p.kind === "textarea" ? (
              <Textarea
                id={id}
                value={value}
                maxLength={paramMaxLength(p)}
                placeholder={p.placeholder}
                onChange={(e) => onChange(p.key, e.target.value)}
                disabled={disabled}
                aria-invalid={Boolean(error)}
                rows={2}
              />
            ) : (
              <Input
                id={id}
                value={value}
                maxLength={paramMaxLength(p)}
                placeholder={p.placeholder}
                onChange={(e) => onChange(p.key, e.target.value)}
                disabled={disabled}
                aria-invalid={Boolean(error)}
              />
            )}
            {error ? <p className="text-xs text-destructive">{error}</p> : p.hint ? <p className="text-xs text-muted-foreground">{p.hint}</p> : null}
          </div>
        );
      })}
    </div>
  );
}
