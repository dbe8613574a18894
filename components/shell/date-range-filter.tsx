"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";

/** Two date inputs (起 – 止, YYYY-MM-DD) that keep from ≤ to; an emptied input is `undefined`. */
export function DateRangeFilter({ from, to, onChange }: { from: string | undefined; to: string | undefined; onChange: (patch: { from?: string; to?: string }) => void }) {
  const t = useTranslations("common");
  return (
    <>
      <Input type="date" className="w-38" aria-label={t("dateFrom")} value={from ?? ""} max={to} onChange={(e) => onChange({ from: e.target.value || undefined })} />
      <span>–</span>
      <Input type="date" className="w-38" aria-label={t("dateTo")} value={to ?? ""} min={from} onChange={(e) => onChange({ to: e.target.value || undefined })} />
    </>
  );
}
