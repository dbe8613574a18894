"use client";

import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import type { ListCallRecordsInput } from "@/server/services/calls/records/list-call-records";

/** 待复核 (low-confidence labels nobody corrected yet) and 有提出时间 (the patient proposed a time). */
export function AnalysisFilters({ input, onChange }: { input: ListCallRecordsInput; onChange: (patch: { review?: string; proposedTime?: string }) => void }) {
  const t = useTranslations("callReview");
  return (
    <>
      <label className="flex items-center gap-2 text-sm">
        <Checkbox checked={!!input.review} onCheckedChange={(v) => onChange({ review: v === true ? "1" : undefined })} data-testid="filter-review" />
        {t("reviewFilter")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <Checkbox checked={!!input.proposedTime} onCheckedChange={(v) => onChange({ proposedTime: v === true ? "1" : undefined })} data-testid="filter-proposed-time" />
        {t("proposedTimeFilter")}
      </label>
    </>
  );
}
