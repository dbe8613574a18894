"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc/client";
import { FunnelCharts } from "./funnel-charts";

const ALL = "__all__";

/** 效果分析's charts with the clinic and date filter (the dates of the calls). */
export function OutcomesOverview() {
  const t = useTranslations("outcomes");
  const trpc = useTRPC();
  const clinics = useQuery(trpc.clinics.list.queryOptions());
  const [clinicId, setClinicId] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const filter = { ...(clinicId ? { clinicId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return (
    <section className="space-y-3" data-testid="outcomes-overview">
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <Label>{t("filterClinic")}</Label>
          <Select value={clinicId ?? ALL} onValueChange={(v) => setClinicId(v === ALL ? null : v)}>
            <SelectTrigger className="h-9 w-48" aria-label={t("filterClinic")} data-testid="outcomes-clinic">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("allClinics")}</SelectItem>
              {clinics.data?.map((c) => (
                <SelectItem key={c.id} value={c.id}>
                  {c.shortName}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="outcomes-from">{t("filterFrom")}</Label>
          <Input id="outcomes-from" type="date" className="h-9 w-40" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="outcomes-from" />
        </div>
        <div className="space-y-1">
          <Label htmlFor="outcomes-to">{t("filterTo")}</Label>
          <Input id="outcomes-to" type="date" className="h-9 w-40" value={to} onChange={(e) => setTo(e.target.value)} data-testid="outcomes-to" />
        </div>
        {clinicId || from || to ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setClinicId(null);
              setFrom("");
              setTo("");
            }}
          >
            {t("filterReset")}
          </Button>
        ) : null}
        <p className="text-xs text-muted-foreground">{t("filterTitle")}</p>
      </div>
      <FunnelCharts filter={filter} />
    </section>
  );
}
