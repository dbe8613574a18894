"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DateRangeFilter } from "@/components/shell/date-range-filter";
import { FilterSelect } from "@/components/shell/filter-select";
import { useTRPC } from "@/components/trpc/client";
import { FOLLOW_UP_TYPES, type TimelineType } from "@/server/domain/timeline/timeline-types";
import { FollowUpTimeline } from "./follow-up-timeline";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 回随访记录: every patient's 回访 / 随访 / 智能外呼 on one timeline, filtered by 跟进类型, 门店 and date. */
export function FollowUpRecordsView({ until }: { until: Date }) {
  const t = useTranslations("timeline");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const clinics = useQuery(trpc.clinics.list.queryOptions());
  const type = params.get("type");
  const types: TimelineType[] = (FOLLOW_UP_TYPES as readonly string[]).includes(type ?? "") ? [type as TimelineType] : [...FOLLOW_UP_TYPES];
  const clinicId = params.get("clinicId") || undefined;
  const from = DAY.test(params.get("from") ?? "") ? params.get("from")! : undefined;
  const to = DAY.test(params.get("to") ?? "") ? params.get("to")! : undefined;
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params.toString());
    if (v) next.set(k, v);
    else next.delete(k);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  return (
    <div className="space-y-4 rounded-lg border bg-background p-4">
      <div className="flex flex-wrap items-center gap-3">
        <FilterSelect
          label={t("followUpType")}
          allLabel={t("allFollowUps")}
          value={types.length === 1 ? types[0] : undefined}
          options={FOLLOW_UP_TYPES.map((k) => ({ value: k, label: t(`type_${k}`) }))}
          onChange={(v) => set("type", v)}
          className="w-36"
        />
        <FilterSelect label={t("clinic")} allLabel={t("allClinics")} value={clinicId} options={clinics.data?.map((c) => ({ value: c.id, label: c.shortName }))} onChange={(v) => set("clinicId", v)} />
        <DateRangeFilter
          from={from}
          to={to}
          onChange={(patch) => {
            for (const [k, v] of Object.entries(patch)) set(k, v);
          }}
        />
        {params.toString() ? (
          <Button variant="ghost" onClick={() => router.replace(pathname)}>
            {tc("reset")}
          </Button>
        ) : null}
      </div>
      <FollowUpTimeline source={{ scope: "all", clinicId, from, to: from && to && from > to ? undefined : to, until }} types={types} />
    </div>
  );
}
