"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/client";
import type { ListCallRecordsInput } from "@/server/services/call-records/list-call-records";
import { CALL_RECORD_OUTCOMES } from "./call-record-search";

const ALL = "__all__";

type Patch = Partial<Record<"scriptId" | "intent" | "consultantId" | "onlineConsultantId" | "outcome" | "callback" | "from" | "to", string | undefined>>;

/** 关联外呼话术, 客户意向 (enabled once a script is chosen), 归属咨询师, 归属网电咨询师, 通话状态, 通话日期. */
export function CallRecordFilters({ input, onChange, onReset }: { input: ListCallRecordsInput; onChange: (patch: Patch) => void; onReset: () => void }) {
  const t = useTranslations("callRecords");
  const tc = useTranslations("calls");
  const tcommon = useTranslations("common");
  const trpc = useTRPC();
  const options = useQuery(trpc.callRecords.filterOptions.queryOptions());
  const intents = useQuery({ ...trpc.callRecords.intents.queryOptions({ scriptId: input.scriptId ?? "" }), enabled: !!input.scriptId });
  const filtered = input.scriptId || input.consultantId || input.onlineConsultantId || input.outcome || input.callback || input.from || input.to;

  const select = (
    label: string,
    allLabel: string,
    value: string | undefined,
    items: { id: string; name: string }[] | undefined,
    onValue: (v: string | undefined) => void,
    opts: { disabled?: boolean; placeholder?: string; width?: string } = {},
  ) => (
    <Select value={value ?? ALL} onValueChange={(v) => onValue(v === ALL ? undefined : v)} disabled={opts.disabled}>
      <SelectTrigger className={opts.width ?? "w-40"} aria-label={label}>
        {/* Named explicitly: Radix only learns an item's text once the list has been opened. */}
        <SelectValue placeholder={opts.placeholder ?? allLabel}>{items?.find((i) => i.id === value)?.name ?? allLabel}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>{allLabel}</SelectItem>
        {items?.map((i) => (
          <SelectItem key={i.id} value={i.id}>
            {i.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );

  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="call-record-filters">
      {select(t("script"), t("allScripts"), input.scriptId, options.data?.scripts, (v) => onChange({ scriptId: v, intent: undefined }), { width: "w-48" })}
      {input.scriptId ? (
        select(t("intent"), t("allIntents"), input.intent, intents.data?.map((i) => ({ id: i.key, name: `${i.label} (${i.count})` })), (v) => onChange({ intent: v }))
      ) : (
        <Select disabled>
          <SelectTrigger className="w-40" aria-label={t("intent")} title={t("intentNeedsScript")}>
            <SelectValue placeholder={t("intentNeedsScript")} />
          </SelectTrigger>
          <SelectContent />
        </Select>
      )}
      {select(t("consultant"), t("allConsultants"), input.consultantId, options.data?.consultants, (v) => onChange({ consultantId: v }))}
      {select(t("onlineConsultant"), t("allOnlineConsultants"), input.onlineConsultantId, options.data?.onlineConsultants, (v) => onChange({ onlineConsultantId: v }))}
      {select(
        t("outcome"),
        t("allOutcomes"),
        input.outcome,
        CALL_RECORD_OUTCOMES.map((o) => ({ id: o, name: tc(`outcome_${o}`) })),
        (v) => onChange({ outcome: v }),
        { width: "w-32" },
      )}
      <label className="flex items-center gap-2 text-sm" title={t("callbackHint")}>
        <Checkbox
          checked={!!input.callback}
          onCheckedChange={(v) => onChange({ callback: v === true ? "1" : undefined })}
          data-testid="filter-callback"
        />
        {t("callbackFilter")}
      </label>
      <div className="flex items-center gap-1 text-sm">
        <span className="text-muted-foreground">{t("dateRange")}</span>
        <Input
          type="date"
          className="w-38"
          aria-label={t("from")}
          value={input.from ?? ""}
          max={input.to}
          onChange={(e) => onChange({ from: e.target.value || undefined })}
        />
        <span>–</span>
        <Input
          type="date"
          className="w-38"
          aria-label={t("to")}
          value={input.to ?? ""}
          min={input.from}
          onChange={(e) => onChange({ to: e.target.value || undefined })}
        />
      </div>
      {filtered ? (
        <Button variant="ghost" onClick={onReset}>
          {tcommon("reset")}
        </Button>
      ) : null}
    </div>
  );
}
