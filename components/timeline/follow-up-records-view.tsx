"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/client";
import { FOLLOW_UP_TYPES, type TimelineType } from "@/server/domain/timeline/timeline-types";
import { FollowUpTimeline } from "./follow-up-timeline";

const ALL = "__all__";
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
        <Select value={types.length === 1 ? types[0] : ALL} onValueChange={(v) => set("type", v === ALL ? undefined : v)}>
          <SelectTrigger className="w-36" aria-label={t("followUpType")}>
            <SelectValue>{types.length === 1 ? t(`type_${types[0]}`) : t("allFollowUps")}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("allFollowUps")}</SelectItem>
            {FOLLOW_UP_TYPES.map((k) => (
              <SelectItem key={k} value={k}>
                {t(`type_${k}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select value={clinicId ?? ALL} onValueChange={(v) => set("clinicId", v === ALL ? undefined : v)}>
          <SelectTrigger className="w-40" aria-label={t("clinic")}>
            <SelectValue>{clinics.data?.find((c) => c.id === clinicId)?.shortName ?? t("allClinics")}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("allClinics")}</SelectItem>
            {clinics.data?.map((c) => (
              <SelectItem key={c.id} value={c.id}>
                {c.shortName}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Input type="date" className="w-38" aria-label={t("from")} value={from ?? ""} max={to} onChange={(e) => set("from", e.target.value || undefined)} />
        <span>–</span>
        <Input type="date" className="w-38" aria-label={t("to")} value={to ?? ""} min={from} onChange={(e) => set("to", e.target.value || undefined)} />
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
