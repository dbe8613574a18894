"use client";

import { useTranslations } from "next-intl";
import type { SegmentConditionInput, SegmentDefinitionInput } from "@/server/domain/segments/segment-definition";
import type { SegmentOptions } from "./condition-editor";

/** 明天有预约 且 本人手机号：有 … — a segment's conditions in one line. */
export function SegmentSummary({ definition, options }: { definition: SegmentDefinitionInput | null; options?: SegmentOptions }) {
  const t = useTranslations("segments");
  const tcommon = useTranslations("common");
  if (!definition) return <span className="text-destructive">{t("broken")}</span>;
  const clinic = (id: string) => options?.clinics.find((c) => c.id === id)?.shortName ?? t("unknown");
  const consultant = (id: string) => options?.consultants.find((c) => c.id === id)?.name ?? t("unknown");
  const one = (c: SegmentConditionInput): string => {
    switch (c.kind) {
      case "appointment": {
        const when = c.window === "withinDays" ? t("sum_withinDays", { days: c.days ?? 1 }) : t(`window_${c.window}`);
        const at = c.clinicIds?.length ? t("sum_atClinics", { clinics: c.clinicIds.map(clinic).join(tcommon("listSeparator")) }) : "";
        return t("sum_appointment", { when, at });
      }
      case "lastVisitBefore":
        return c.date ? t("sum_lastVisitDate", { date: c.date }) : t("sum_lastVisitDays", { days: c.daysAgo ?? 0 });
      case "deductionWithin":
        return t("sum_deduction", { days: c.days });
      case "benefitExpiring":
        return t("sum_benefit", { days: c.days });
      case "tags":
        return t(c.match === "all" ? "sum_tagsAll" : "sum_tagsAny", { tags: c.tags.join(tcommon("listSeparator")) });
      case "consultant":
        return t("sum_consultant", { names: c.consultantIds.map(consultant).join(tcommon("listSeparator")) });
      case "clinic":
        return t("sum_clinic", { clinics: c.clinicIds.map(clinic).join(tcommon("listSeparator")) });
      case "ownMobile":
        return c.value ? t("ownMobile_yes") : t("ownMobile_no");
    }
  };
  const joiner = definition.match === "any" ? ` ${t("match_any")} ` : ` ${t("match_all")} `;
  return <span>{definition.conditions.map(one).join(joiner) || t("noConditions")}</span>;
}
