"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";

/**
 * Two date inputs (起 – 止, YYYY-MM-DD); an emptied input is `undefined`. A date that would put the end before the start
 * is refused with a message and not applied — never silently swapped or cleared.
 */
export function DateRangeFilter({ from, to, onChange }: { from: string | undefined; to: string | undefined; onChange: (patch: { from?: string; to?: string }) => void }) {
  const t = useTranslations("common");
  const [refused, setRefused] = useState<{ from: string; to: string } | null>(null);
  const apply = (patch: { from?: string; to?: string }) => {
    const next = { from: "from" in patch ? patch.from : from, to: "to" in patch ? patch.to : to };
    if (next.from && next.to && next.from > next.to) {
      setRefused({ from: next.from, to: next.to });
      return;
    }
    setRefused(null);
    onChange(patch);
  };
  return (
    <>
      <Input type="date" className="w-38" aria-label={t("dateFrom")} value={from ?? ""} max={to} onChange={(e) => apply({ from: e.target.value || undefined })} />
      <span>–</span>
      <Input type="date" className="w-38" aria-label={t("dateTo")} value={to ?? ""} min={from} onChange={(e) => apply({ to: e.target.value || undefined })} />
      {refused ? (
        <span role="alert" className="text-sm text-destructive" data-testid="date-range-refused">
          {t("dateRangeReversed", refused)}
        </span>
      ) : null}
    </>
  );
}
