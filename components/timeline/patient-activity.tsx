"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { FilterSelect } from "@/components/shell/filter-select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { FOLLOW_UP_TYPES, TIMELINE_TYPES, type TimelineType } from "@/server/domain/timeline/timeline-types";
import { FollowUpTimeline } from "./follow-up-timeline";

type Dynamic = "all" | "appointment" | "clinicVisit" | "followUp";
type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

/**
 * A patient's 客户动态 (CDP) with its 跟进 type — 回访, 随访 and 智能外呼 (seed §9) — and the 客户中心 回随访任务 tab,
 * both on the shared follow-up timeline.
 */
export function PatientActivity({ patientId }: { patientId: string }) {
  const t = useTranslations("timeline");
  const tp = useTranslations("patientDetail");
  const [dynamic, setDynamic] = useState<Dynamic>("all");
  const [followUp, setFollowUp] = useState<FollowUpType | undefined>();
  const types: TimelineType[] =
    dynamic === "all" ? [...TIMELINE_TYPES] : dynamic === "followUp" ? (followUp ? [followUp] : [...FOLLOW_UP_TYPES]) : [dynamic];

  return (
    <Tabs defaultValue="activity">
      <TabsList>
        <TabsTrigger value="activity">{tp("activity")}</TabsTrigger>
        <TabsTrigger value="followUps">{tp("followUpTasks")}</TabsTrigger>
      </TabsList>
      <TabsContent value="activity" className="space-y-4 pt-2">
        <div className="flex flex-wrap items-center gap-3">
          <Select
            value={dynamic}
            onValueChange={(v) => {
              setDynamic(v as Dynamic);
              setFollowUp(undefined);
            }}
          >
            <SelectTrigger className="w-32" aria-label={t("dynamicType")}>
              <SelectValue>{dynamic === "all" ? t("allTypes") : dynamic === "followUp" ? t("followUp") : t(`type_${dynamic}`)}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">{t("allTypes")}</SelectItem>
              <SelectItem value="appointment">{t("type_appointment")}</SelectItem>
              <SelectItem value="clinicVisit">{t("type_clinicVisit")}</SelectItem>
              <SelectItem value="followUp">{t("followUp")}</SelectItem>
            </SelectContent>
          </Select>
          {dynamic === "followUp" ? (
            <FilterSelect label={t("followUpType")} allLabel={t("allFollowUps")} value={followUp} options={FOLLOW_UP_TYPES.map((k) => ({ value: k, label: t(`type_${k}`) }))} onChange={setFollowUp} className="w-32" />
          ) : null}
        </div>
        <FollowUpTimeline source={{ scope: "patient", patientId }} types={types} />
      </TabsContent>
      <TabsContent value="followUps" className="pt-2">
        <FollowUpTimeline source={{ scope: "patient", patientId }} types={[...FOLLOW_UP_TYPES]} />
      </TabsContent>
    </Tabs>
  );
}
