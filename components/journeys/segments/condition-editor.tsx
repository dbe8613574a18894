"use client";

import { useTranslations } from "next-intl";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { SegmentConditionInput } from "@/server/domain/segments/segment-definition";
import { MultiSelect } from "../multi-select";

export interface SegmentOptions {
  tags: string[];
  consultants: { id: string; name: string }[];
  clinics: { id: string; name: string; shortName: string }[];
}

/** One condition row of the segment editor: the condition's name, its inputs, and a remove button. */
export function ConditionEditor({
  condition,
  options,
  onChange,
  onRemove,
  index,
}: {
  condition: SegmentConditionInput;
  options: SegmentOptions | undefined;
  onChange: (next: SegmentConditionInput) => void;
  onRemove: () => void;
  index: number;
}) {
  const t = useTranslations("segments");
  const clinicOptions = (options?.clinics ?? []).map((c) => ({ value: c.id, label: c.shortName }));
  const days = (value: number | undefined, set: (n: number | undefined) => void, label: string) => (
    <Input
      type="number"
      min={1}
      className="w-24"
      aria-label={label}
      value={value ?? ""}
      onChange={(e) => set(e.target.value === "" ? undefined : Number(e.target.value))}
    />
  );

  let body: React.ReactNode;
  switch (condition.kind) {
    case "appointment":
      body = (
        <div className="flex flex-wrap items-center gap-2">
          <Select value={condition.window} onValueChange={(w) => onChange({ ...condition, window: w as typeof condition.window })}>
            <SelectTrigger className="w-40" aria-label={t("appointmentWindow")}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="tomorrow">{t("window_tomorrow")}</SelectItem>
              <SelectItem value="today">{t("window_today")}</SelectItem>
              <SelectItem value="withinDays">{t("window_withinDays")}</SelectItem>
            </SelectContent>
          </Select>
          {condition.window === "withinDays" ? (
            <>
              {days(condition.days, (n) => onChange({ ...condition, days: n }), t("days"))}
              <span className="text-sm text-muted-foreground">{t("daysIncludingToday")}</span>
            </>
          ) : null}
          <div className="w-56">
            <MultiSelect
              options={clinicOptions}
              value={condition.clinicIds ?? []}
              onChange={(clinicIds) => onChange({ ...condition, clinicIds })}
              placeholder={t("anyClinic")}
              emptyText={t("noOptions")}
              ariaLabel={t("appointmentClinics")}
            />
          </div>
        </div>
      );
      break;
    case "lastVisitBefore": {
      const mode = condition.date !== undefined ? "date" : "daysAgo";
      body = (
        <div className="flex flex-wrap items-center gap-2">
          <Select
            value={mode}
            onValueChange={(m) => onChange(m === "date" ? { kind: "lastVisitBefore", date: new Date().toISOString().slice(0, 10) } : { kind: "lastVisitBefore", daysAgo: 180 })}
          >
            <SelectTrigger className="w-36" aria-label={t("lastVisitMode")}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="daysAgo">{t("lastVisit_daysAgo")}</SelectItem>
              <SelectItem value="date">{t("lastVisit_date")}</SelectItem>
            </SelectContent>
          </Select>
          {mode === "date" ? (
            <Input type="date" className="w-44" aria-label={t("lastVisit_date")} value={condition.date ?? ""} onChange={(e) => onChange({ kind: "lastVisitBefore", date: e.target.value })} />
          ) : (
            <>
              {days(condition.daysAgo, (n) => onChange({ kind: "lastVisitBefore", daysAgo: n }), t("days"))}
              <span className="text-sm text-muted-foreground">{t("daysAgoSuffix")}</span>
            </>
          )}
        </div>
      );
      break;
    }
    case "deductionWithin":
    case "benefitExpiring":
      body = (
        <div className="flex items-center gap-2">
          {days(condition.days, (n) => onChange({ ...condition, days: n as number }), t("days"))}
          <span className="text-sm text-muted-foreground">{t(`${condition.kind}Suffix`)}</span>
        </div>
      );
      break;
    case "tags":
      body = (
        <div className="flex flex-wrap items-center gap-2">
          <Select value={condition.match ?? "any"} onValueChange={(m) => onChange({ ...condition, match: m as "any" | "all" })}>
            <SelectTrigger className="w-32" aria-label={t("tagMatch")}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="any">{t("tagMatch_any")}</SelectItem>
              <SelectItem value="all">{t("tagMatch_all")}</SelectItem>
            </SelectContent>
          </Select>
          <div className="w-64">
            <MultiSelect
              options={(options?.tags ?? []).map((x) => ({ value: x, label: x }))}
              value={condition.tags}
              onChange={(tags) => onChange({ ...condition, tags })}
              placeholder={t("pickTags")}
              emptyText={t("noOptions")}
            />
          </div>
        </div>
      );
      break;
    case "consultant":
      body = (
        <div className="w-64">
          <MultiSelect
            options={(options?.consultants ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={condition.consultantIds}
            onChange={(consultantIds) => onChange({ ...condition, consultantIds })}
            placeholder={t("pickConsultants")}
            emptyText={t("noOptions")}
          />
        </div>
      );
      break;
    case "clinic":
      body = (
        <div className="w-64">
          <MultiSelect
            options={clinicOptions}
            value={condition.clinicIds}
            onChange={(clinicIds) => onChange({ ...condition, clinicIds })}
            placeholder={t("pickClinics")}
            emptyText={t("noOptions")}
          />
        </div>
      );
      break;
    case "ownMobile":
      body = (
        <Select value={condition.value ? "yes" : "no"} onValueChange={(v) => onChange({ kind: "ownMobile", value: v === "yes" })}>
          <SelectTrigger className="w-40" aria-label={t("kind_ownMobile")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="yes">{t("ownMobile_yes")}</SelectItem>
            <SelectItem value="no">{t("ownMobile_no")}</SelectItem>
          </SelectContent>
        </Select>
      );
      break;
  }

  return (
    <div className="flex items-start gap-3 rounded-md border bg-muted/30 p-3" data-testid={`condition-${index}`}>
      <div className="w-28 shrink-0 pt-2 text-sm font-medium">{t(`kind_${condition.kind}`)}</div>
      <div className="min-w-0 flex-1">{body}</div>
      <Button type="button" variant="ghost" size="icon" aria-label={t("removeCondition")} onClick={onRemove}>
        <Trash2 className="size-4" />
      </Button>
    </div>
  );
}
