"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDuration, formatInZone } from "@/components/calls/format-time";
import { OutcomeBadge } from "@/components/calls/outcome-badge";
import { cn } from "@/lib/utils";
import type { TimelineEntry } from "@/server/services/timeline/list-timeline";
import { useVocabulary } from "@/components/i18n/use-vocabulary";

const DOT: Record<string, string> = {
  call: "bg-primary",
  followUp: "bg-amber-500",
  appointment: "bg-sky-500",
  clinicVisit: "bg-emerald-500",
};

/** One entry of the 动态时间轴; a call's title is its start 「YYYY-MM-DD HH:mm」 (seed §9). */
export function TimelineEntryCard({ entry, showPatient, onOpenCall }: { entry: TimelineEntry; showPatient: boolean; onOpenCall: (id: string) => void }) {
  const t = useTranslations("timeline");
  const tc = useTranslations("calls");
  const word = useVocabulary();
  const type =
    entry.source === "call" ? "outbound" : entry.source === "followUp" ? entry.kind : entry.source === "appointment" ? "appointment" : "clinicVisit";
  const tz = entry.clinic.timezone;

  return (
    <li className="relative pb-6 pl-8 last:pb-0" data-testid="timeline-entry" data-source={entry.source}>
      <span className="absolute top-0 bottom-0 left-[7px] w-px bg-border" aria-hidden />
      <span className={cn("absolute top-1.5 left-0.5 size-3 rounded-full ring-4 ring-background", DOT[entry.source])} aria-hidden />
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium tabular-nums" data-testid="timeline-title">
          {formatInZone(entry.at, tz, "minute")}
        </span>
        <Badge variant="outline">{t(`type_${type}`)}</Badge>
        {showPatient ? (
          <Link href={`/patients/${entry.patient.id}`} className="text-sm text-primary hover:underline">
            {entry.patient.name}
          </Link>
        ) : null}
        <span className="text-xs text-muted-foreground">{entry.clinic.shortName}</span>
      </div>
      <div className="mt-2 rounded-md border bg-background p-3 text-sm">
        {entry.source === "call" ? (
          <div className="space-y-2">
            <dl className="grid grid-cols-2 gap-x-6 gap-y-1.5 sm:grid-cols-3">
              <Item label={t("script")}>{entry.script.name}</Item>
              <Item label={t("outcome")}>
                <OutcomeBadge outcome={entry.outcome} />
              </Item>
              <Item label={t("intent")}>{word(entry.intentLabel) ?? "—"}</Item>
              <Item label={t("startedAt")}>{formatInZone(entry.startedAt, tz)}</Item>
              <Item label={t("endedAt")}>{formatInZone(entry.endedAt, tz)}</Item>
              <Item label={t("duration")}>{formatDuration(entry.durationSec, { min: tc("minutes"), sec: tc("seconds") })}</Item>
            </dl>
            {entry.summary || entry.callbackRequested ? (
              <p className="flex flex-wrap items-center gap-2 text-muted-foreground" data-testid="timeline-call-summary">
                {entry.callbackRequested ? <Badge variant="destructive">{tc("callbackRequested")}</Badge> : null}
                {entry.summary ? <span>{entry.summary}</span> : null}
              </p>
            ) : null}
            {entry.outcome === "answered" && entry.detailAllowed ? (
              <Button size="sm" variant="outline" onClick={() => onOpenCall(entry.id)}>
                {t("callDetail")}
              </Button>
            ) : null}
          </div>
        ) : entry.source === "followUp" ? (
          <div className="space-y-1.5">
            <div className="flex items-center gap-2">
              <span className="font-medium">{entry.title}</span>
              <Badge variant={entry.status === "done" ? "secondary" : "outline"}>{t(`status_${entry.status}`)}</Badge>
            </div>
            {entry.content ? <p className="text-muted-foreground">{entry.content}</p> : null}
            <dl className="grid grid-cols-2 gap-x-6 gap-y-1.5 sm:grid-cols-3">
              <Item label={t("executor")}>{entry.executor?.name ?? "—"}</Item>
              <Item label={t("completedAt")}>{formatInZone(entry.completedAt, tz, "minute")}</Item>
              {entry.result ? <Item label={t("result")}>{entry.result}</Item> : null}
            </dl>
          </div>
        ) : entry.source === "appointment" ? (
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1.5 sm:grid-cols-3">
            <Item label={t("item")}>{entry.item ?? "—"}</Item>
            <Item label={t("doctor")}>{entry.doctorName ?? "—"}</Item>
            <Item label={t("status")}>{t(`appointment_${entry.status}`)}</Item>
          </dl>
        ) : (
          <dl className="grid grid-cols-2 gap-x-6 sm:grid-cols-3">
            <Item label={t("item")}>{entry.item ?? "—"}</Item>
          </dl>
        )}
      </div>
    </li>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
