"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Info } from "lucide-react";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

export interface SmsOption {
  id: string;
  name: string;
  content: string;
  segments: number;
}

export interface HangupSmsValue {
  hangupSmsEnabled: boolean;
  hangupSmsAnsweredTemplateId: string | null;
  hangupSmsUnansweredTemplateId: string | null;
}

/** 挂机短信: a switch, then one 已审核 template for 患者已接听 and one for 患者未接听; hover shows the content. */
export function HangupSmsFields({
  options,
  value,
  onChange,
  disabled,
}: {
  options: SmsOption[];
  value: HangupSmsValue;
  onChange: (patch: Partial<HangupSmsValue>) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("scripts");
  const fields = [
    { key: "hangupSmsAnsweredTemplateId", label: t("smsAnswered") },
    { key: "hangupSmsUnansweredTemplateId", label: t("smsUnanswered") },
  ] as const;
  return (
    <div className="space-y-4">
      <label className="flex items-center justify-between gap-3">
        <span>
          <span className="text-sm font-medium">{t("smsSwitch")}</span>
          <span className="block text-xs text-muted-foreground">{t("smsHint")}</span>
        </span>
        <Switch
          checked={value.hangupSmsEnabled}
          onCheckedChange={(on) => onChange({ hangupSmsEnabled: on })}
          disabled={disabled}
          data-testid="hangup-sms-switch"
          aria-label={t("smsSwitch")}
        />
      </label>
      {value.hangupSmsEnabled &&
        (options.length === 0 ? (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-800">
            {t("smsNone")}{" "}
            <Link href="/marketing/sms" className="underline">
              →
            </Link>
          </p>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            {fields.map((f) => {
              const selected = options.find((o) => o.id === value[f.key]);
              return (
                <div key={f.key} className="space-y-1.5">
                  <Label htmlFor={f.key}>
                    <span className="text-destructive">*</span>
                    {f.label}
                  </Label>
                  <Select value={value[f.key] ?? ""} onValueChange={(v) => onChange({ [f.key]: v })} disabled={disabled}>
                    <SelectTrigger id={f.key} className="w-full" data-testid={`sms-${f.key}`} aria-label={f.label}>
                      <SelectValue placeholder={t("smsPlaceholder")} />
                    </SelectTrigger>
                    <SelectContent>
                      {options.map((o) => (
                        <SelectItem key={o.id} value={o.id} title={o.content}>
                          {o.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  {selected && (
                    <Tooltip>
                      <TooltipTrigger asChild>
                        <button type="button" className="flex items-center gap-1 text-xs text-primary" data-testid={`sms-content-${f.key}`}>
                          <Info className="size-3" aria-hidden />
                          {t("smsContent")}
                        </button>
                      </TooltipTrigger>
                      <TooltipContent className="max-w-xs">
                        <p>{selected.content}</p>
                        <p className="mt-1 opacity-70">{t("smsSegments", { count: selected.segments })}</p>
                      </TooltipContent>
                    </Tooltip>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      <p className="text-xs text-muted-foreground">{t("smsNote")}</p>
    </div>
  );
}
