"use client";

import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";

/** 适用门店: the caller's clinics; only opened ones can be chosen. */
export function ClinicChecklist({
  clinics,
  value,
  onChange,
  error,
  disabled,
}: {
  clinics: { id: string; shortName: string; opened: boolean }[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const t = useTranslations("scripts");
  const tcommon = useTranslations("common");
  if (!clinics.some((c) => c.opened)) return <p className="text-sm text-muted-foreground">{t("noClinics")}</p>;
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {clinics.map((c) => {
          const id = `clinic-${c.id}`;
          return (
            <label key={c.id} htmlFor={id} className="flex items-center gap-2 text-sm">
              <Checkbox
                id={id}
                checked={value.includes(c.id)}
                disabled={disabled || !c.opened}
                onCheckedChange={(on) => onChange(on ? [...value, c.id] : value.filter((x) => x !== c.id))}
              />
              <span className={c.opened ? undefined : "text-muted-foreground"}>
                {c.shortName}
                {!c.opened && tcommon("parenthetical", { note: t("notOpened") })}
              </span>
            </label>
          );
        })}
      </div>
      {error ? <p className="text-xs text-destructive">{error}</p> : <p className="text-xs text-muted-foreground">{t("clinicsHint")}</p>}
    </div>
  );
}
