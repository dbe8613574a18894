"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { FilterSelect } from "@/components/shell/filter-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/lib/utils";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

const TONE = {
  dispatching: "border-sky-200 bg-sky-50 text-sky-700",
  dispatched: "border-emerald-200 bg-emerald-50 text-emerald-700",
  dispatchFailed: "border-red-200 bg-red-50 text-red-700",
} as const;
type Status = keyof typeof TONE;

/** 旅程名单 of one node: every patient who entered it, 下发状态 with the failure reason, and the branch taken. */
export function NodeRoster({ journeyId, nodeId, kind }: { journeyId: string; nodeId: string; kind: string }) {
  const t = useTranslations("journeys");
  const word = useVocabulary();
  const format = useFormatter();
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [page, setPage] = useState(1);
  const q = useQuery({
    ...trpc.journeys.roster.queryOptions({ journeyId, nodeId, status, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
  const pages = Math.max(1, Math.ceil((q.data?.total ?? 0) / 20));
  const statusLabel = (s: Status) => (kind === "outbound" ? t(`roster_${s}`) : t(`rosterFlow_${s}`));

  return (
    <div className="space-y-3" data-testid="node-roster">
      <div className="flex items-center justify-between gap-2">
        <div className="flex flex-wrap gap-1 text-xs text-muted-foreground">
          {(["dispatching", "dispatched", "dispatchFailed"] as const)
            .filter((s) => kind === "outbound" || s !== "dispatchFailed")
            .map((s) => (
              <span key={s} data-testid={`roster-count-${s}`}>
                {statusLabel(s)} {q.data?.counts[s] ?? 0}
              </span>
            ))
            .reduce<React.ReactNode[]>((acc, el, i) => (i ? [...acc, " · ", el] : [el]), [])}
        </div>
        <FilterSelect
          label={t("rosterStatus")}
          allLabel={t("rosterAll")}
          value={status}
          options={(["dispatching", "dispatched", "dispatchFailed"] as const).map((s) => ({ value: s, label: statusLabel(s) }))}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          className="h-8 w-28"
        />
      </div>
      {q.isLoading ? <Skeleton className="h-32 w-full" /> : null}
      {q.data?.items.length === 0 ? <p className="py-8 text-center text-sm text-muted-foreground">{t("rosterEmpty")}</p> : null}
      <ul className="divide-y rounded-md border text-sm">
        {q.data?.items.map((r) => (
          <li key={r.id} className="space-y-1 px-3 py-2" data-testid="roster-row">
            <div className="flex items-center gap-2">
              <span className="font-medium" data-user-content>
                {r.patient.name}
              </span>
              <span className="text-xs text-muted-foreground">{r.patient.mobile || t("noMobile")}</span>
              <Badge variant="outline" className={cn("ml-auto", TONE[r.status])}>
                {statusLabel(r.status)}
              </Badge>
            </div>
            <div className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
              <span>{t("rosterEntered", { at: format.dateTime(r.enteredAt, { dateStyle: "short", timeStyle: "short" }) })}</span>
              {r.failReason ? <span className="text-red-600" data-testid="roster-fail-reason">{t("rosterFailReason", { reason: word(r.failReason) })}</span> : null}
              {r.callBlocked ? (
                <span className="text-amber-700" data-testid="roster-call-blocked">
                  {t(`rosterCall_${r.callBlocked.status}`, { reason: word(r.callBlocked.reason) ?? "—" })}
                </span>
              ) : null}
              {r.intent ? <span>{t("rosterIntent", { intent: word(r.intent) })}</span> : null}
              {r.branch ? <span data-testid="roster-branch">{t("rosterBranch", { branch: r.branch })}</span> : null}
              {r.dueAt && !r.advancedAt ? <span>{t("rosterDue", { at: format.dateTime(r.dueAt, { dateStyle: "short", timeStyle: "short" }) })}</span> : null}
            </div>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <div className="flex items-center justify-end gap-2 text-xs">
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            {t("prev")}
          </Button>
          <span>
            {page} / {pages}
          </span>
          <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            {t("next")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
