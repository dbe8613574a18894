"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/client";
import { DateRangeFilter } from "@/components/shell/date-range-filter";
import { FilterSelect } from "@/components/shell/filter-select";
import type { ListCallRecordsInput } from "@/server/services/calls/records/list-call-records";
import { CALL_RECORD_OUTCOMES } from "./call-record-search";
import { AnalysisFilters } from "./analysis-filters";

type Patch = Partial<Record<"scriptId" | "clinicId" | "q" | "intent" | "consultantId" | "onlineConsultantId" | "outcome" | "callback" | "review" | "proposedTime" | "from" | "to", string | undefined>>;

/** 客户姓名/手机号, 关联外呼话术, 客户意向 (enabled once a script is chosen), 门店, 归属咨询师, 归属网电咨询师, 通话状态, 通话日期. */
export function CallRecordFilters({ input, onChange, onReset }: { input: ListCallRecordsInput; onChange: (patch: Patch) => void; onReset: () => void }) {
  const t = useTranslations("callRecords");
  const tc = useTranslations("calls");
  const tcommon = useTranslations("common");
  const trpc = useTRPC();
  const options = useQuery(trpc.callRecords.filterOptions.queryOptions());
  const intents = useQuery({ ...trpc.callRecords.intents.queryOptions({ scriptId: input.scriptId ?? "" }), enabled: !!input.scriptId });
  const [q, setQ] = useState(input.q ?? "");
  const [seenQ, setSeenQ] = useState(input.q);
  if (seenQ !== input.q) {
    // The URL changed (重置, back): show its search.
    setSeenQ(input.q);
    setQ(input.q ?? "");
  }
  const filtered = input.scriptId || input.clinicId || input.q || input.consultantId || input.onlineConsultantId || input.outcome || input.callback || input.review || input.proposedTime || input.from || input.to;

  const names = (items: { id: string; name: string }[] | undefined) => items?.map((i) => ({ value: i.id, label: i.name }));

  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="call-record-filters">
      <form
        className="relative"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ q: q.trim() || undefined });
        }}
      >
        <Search className="pointer-events-none absolute top-1/2 left-2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Input
          className="w-52 pl-8"
          value={q}
          maxLength={30}
          placeholder={t("searchPlaceholder")}
          aria-label={t("searchPlaceholder")}
          onChange={(e) => setQ(e.target.value)}
          onBlur={() => (q.trim() || undefined) !== input.q && onChange({ q: q.trim() || undefined })}
          data-testid="call-record-search"
        />
      </form>
      <FilterSelect label={t("script")} allLabel={t("allScripts")} value={input.scriptId} options={names(options.data?.scripts)} onChange={(v) => onChange({ scriptId: v, intent: undefined })} className="w-48" />
      {input.scriptId ? (
        <FilterSelect label={t("intent")} allLabel={t("allIntents")} value={input.intent} options={intents.data?.map((i) => ({ value: i.key, label: `${i.label} (${i.count})` }))} onChange={(v) => onChange({ intent: v })} />
      ) : (
        <Select disabled>
          <SelectTrigger className="w-40" aria-label={t("intent")} title={t("intentNeedsScript")}>
            <SelectValue placeholder={t("intentNeedsScript")} />
          </SelectTrigger>
          <SelectContent />
        </Select>
      )}
      <FilterSelect label={t("clinicFilter")} allLabel={t("allClinics")} value={input.clinicId} options={names(options.data?.clinics)} onChange={(v) => onChange({ clinicId: v })} className="w-32" />
      <FilterSelect label={t("consultant")} allLabel={t("allConsultants")} value={input.consultantId} options={names(options.data?.consultants)} onChange={(v) => onChange({ consultantId: v })} />
      <FilterSelect label={t("onlineConsultant")} allLabel={t("allOnlineConsultants")} value={input.onlineConsultantId} options={names(options.data?.onlineConsultants)} onChange={(v) => onChange({ onlineConsultantId: v })} />
      <FilterSelect label={t("outcome")} allLabel={t("allOutcomes")} value={input.outcome} options={CALL_RECORD_OUTCOMES.map((o) => ({ value: o, label: tc(`outcome_${o}`) }))} onChange={(v) => onChange({ outcome: v })} className="w-32" />
      <label className="flex items-center gap-2 text-sm" title={t("callbackHint")}>
        <Checkbox
          checked={!!input.callback}
          onCheckedChange={(v) => onChange({ callback: v === true ? "1" : undefined })}
          data-testid="filter-callback"
        />
        {t("callbackFilter")}
      </label>
      <AnalysisFilters input={input} onChange={onChange} />
      <div className="flex items-center gap-1 text-sm">
        <span className="text-muted-foreground">{t("dateRange")}</span>
        <DateRangeFilter from={input.from} to={input.to} onChange={onChange} />
      </div>
      {filtered ? (
        <Button variant="ghost" onClick={onReset}>
          {tcommon("reset")}
        </Button>
      ) : null}
    </div>
  );
}
