"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

interface Entry {
  id: string;
  action: string;
  reason: string | null;
  data: unknown;
  createdAt: Date;
  actor: { name: string } | null;
}

const KNOWN = new Set([
  "qualification.start",
  "qualification.submit",
  "qualification.resubmit",
  "qualification.approve",
  "qualification.reject",
  "clinic.outbound.open",
  "clinic.outbound.close",
]);

function detail(data: unknown, bracketed: (names: string[]) => string): { clinics?: string; clinic?: string } {
  if (!data || typeof data !== "object") return {};
  const d = data as { openedClinics?: { shortName: string }[]; shortName?: string };
  return {
    clinics: d.openedClinics ? bracketed(d.openedClinics.map((c) => c.shortName)) : undefined,
    clinic: d.shortName,
  };
}

/** The audit trail of one application: who did what, when, and why. */
export function ReviewHistory({ entries }: { entries: Entry[] }) {
  const t = useTranslations("qualificationReview");
  const tcommon = useTranslations("common");
  const bracketed = (names: string[]) => names.map((name) => tcommon("bracketed", { name })).join(tcommon("bracketedSeparator"));
  const format = useFormatter();
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{t("historyTitle")}</CardTitle>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("historyEmpty")}</p>
        ) : (
          <ol className="relative space-y-4 border-l pl-4" data-testid="review-history">
            {entries.map((e) => {
              const d = detail(e.data, bracketed);
              const label = KNOWN.has(e.action) ? t(`action_${e.action.replaceAll(".", "_")}` as "action_qualification_start") : e.action;
              return (
                <li key={e.id} className="text-sm">
                  <span className="absolute -left-1 mt-1.5 size-2 rounded-full bg-primary" aria-hidden />
                  <div className="flex flex-wrap items-baseline gap-x-2">
                    <span className="font-medium">
                      {label}
                      {d.clinic && e.action.startsWith("clinic.") ? bracketed([d.clinic]) : ""}
                    </span>
                    <span className="text-xs text-muted-foreground">
                      {e.actor?.name ?? t("system")} · {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </span>
                  </div>
                  {e.reason && <p className="mt-0.5 text-muted-foreground">{t("historyReason", { reason: e.reason })}</p>}
                  {d.clinics && <p className="mt-0.5 text-muted-foreground">{t("historyClinics", { clinics: d.clinics })}</p>}
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
