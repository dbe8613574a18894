"use client";

import { useTranslations } from "next-intl";
import { AlertTriangle } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import { CallingWindowNotice } from "@/components/calls/calling-window-notice";
import { formatInZone } from "@/components/calls/format-time";
import { useVocabulary } from "@/components/i18n/use-vocabulary";
import type { BatchCallPreview, PatientEstimate } from "@/server/services/dialer/batch/preview-batch-call";

/** 呼叫预估: called now / queued / later / intercepted / cannot be called, each with its rule or reason. */
export function CallPlan({ preview, loading, error }: { preview: BatchCallPreview | undefined; loading: boolean; error: string | null }) {
  const t = useTranslations("batchCall");
  const tw = useTranslations("callingWindow");
  const tcommon = useTranslations("common");
  const word = useVocabulary();
  if (error) return <p className="text-sm text-destructive">{error}</p>;
  if (loading || !preview) return <Skeleton className="h-28 w-full" />;
  const sum = (g: { count: number }[]) => g.reduce((n, x) => n + x.count, 0);
  const wait = preview.callingWindow;
  const nowLabel = wait ? t("planAtOpening", { day: tw("day", { offset: String(wait.dayOffset) }), time: wait.time }) : t("planNow");
  const outcomeLabel: Record<PatientEstimate["outcome"], string> = {
    now: nowLabel,
    queued: t("planQueued"),
    deferred: t("planDeferred"),
    intercepted: t("planIntercepted"),
    refused: t("planRefused"),
    alreadyQueued: t("planAlreadyShort"),
  };
  const outcomeTone: Record<PatientEstimate["outcome"], string> = {
    now: "text-emerald-700",
    queued: "text-sky-700",
    deferred: "text-amber-700",
    intercepted: "text-rose-700",
    refused: "text-zinc-600",
    alreadyQueued: "text-muted-foreground",
  };
  const rows: { key: string; label: string; count: number; tone: string; details: { label: string; count: number; until?: Date }[]; hint?: string }[] = [
    { key: "now", label: nowLabel, count: preview.now, tone: "text-emerald-700", details: [] },
    { key: "queued", label: t("planQueued"), count: preview.queued, tone: "text-sky-700", details: [], hint: t("planQueuedHint") },
    { key: "deferred", label: t("planDeferred"), count: sum(preview.deferred), tone: "text-amber-700", details: preview.deferred },
    { key: "intercepted", label: t("planIntercepted"), count: sum(preview.intercepted), tone: "text-rose-700", details: preview.intercepted },
    { key: "refused", label: t("planRefused"), count: sum(preview.refused), tone: "text-zinc-600", details: preview.refused },
  ];
  return (
    <div className="space-y-3" data-testid="call-plan">
      <CallingWindowNotice wait={preview.callingWindow} />
      {preview.callBalance <= 0 ? (
        <p className="flex items-center gap-2 rounded-md bg-amber-50 p-2 text-sm text-amber-800">
          <AlertTriangle className="size-4" /> {t("noBalance")}
        </p>
      ) : null}
      <dl className="grid grid-cols-5 gap-2">
        {rows.map((r) => (
          <div key={r.key} className="rounded-md border p-2 text-center" data-testid={`plan-${r.key}`} title={r.hint}>
            <dt className="text-xs text-muted-foreground">{r.label}</dt>
            <dd className={`text-xl font-semibold tabular-nums ${r.tone}`} data-testid="plan-count">
              {r.count}
            </dd>
          </div>
        ))}
      </dl>
      <ul className="space-y-1 text-sm">
        {rows.flatMap((r) =>
          r.details.map((d) => (
            <li key={`${r.key}-${d.label}`} className="flex justify-between gap-3" data-testid="plan-reason">
              <span>
                <span className={r.tone}>{r.label}</span> · {word(d.label)}
                {d.until ? <span className="text-muted-foreground">{tcommon("parenthetical", { note: t("until", { at: formatInZone(d.until, "Asia/Shanghai", "minute") }) })}</span> : null}
              </span>
              <span className="tabular-nums">{d.count}</span>
            </li>
          )),
        )}
        {preview.alreadyQueued ? (
          <li className="text-muted-foreground">
            {preview.alreadyQueued} {t("planAlready")}
          </li>
        ) : null}
      </ul>
      {preview.nothingToStart ? (
        <p className="rounded-md bg-zinc-50 p-2 text-sm text-zinc-700" data-testid="plan-nothing">
          {t("nothingToStart")}
        </p>
      ) : null}
      <div className="space-y-1">
        <div className="text-xs font-medium text-muted-foreground">{t("planByPatient")}</div>
        <ul className="max-h-64 divide-y overflow-y-auto rounded-md border text-sm" data-testid="plan-patients">
          {preview.patients.map((p) => (
            <li key={p.patientId} className="flex items-center justify-between gap-3 px-2 py-1.5" data-testid="plan-patient">
              <span className="font-medium">{p.name}</span>
              <span className="text-right">
                <span className={outcomeTone[p.outcome]} data-testid="plan-patient-outcome">
                  {outcomeLabel[p.outcome]}
                </span>
                {p.label ? <span className="text-muted-foreground"> · {word(p.label)}</span> : null}
                {p.until && p.outcome === "deferred" ? (
                  <span className="text-muted-foreground">{tcommon("parenthetical", { note: t("until", { at: formatInZone(p.until, "Asia/Shanghai", "minute") }) })}</span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
