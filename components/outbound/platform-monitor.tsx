"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/client";

/** The platform's view refreshes on a timer: it reads every company, so it is not woken by each company's dials. */
const REFRESH_MS = 5_000;

export function PlatformMonitor() {
  const t = useTranslations("monitor");
  const format = useFormatter();
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.monitor.platform.queryOptions(), refetchInterval: REFRESH_MS });
  if (!data) return null;
  return (
    <div className="space-y-2">
      <p className="text-sm text-muted-foreground">{t("updatedAt", { time: format.dateTime(data.at, { hour: "2-digit", minute: "2-digit", second: "2-digit" }) })}</p>
      <Table data-testid="platform-monitor">
        <TableHeader>
          <TableRow>
            <TableHead>{t("company")}</TableHead>
            <TableHead className="text-right">{t("seats")}</TableHead>
            <TableHead className="text-right">{t("dialsPerMinute")}</TableHead>
            <TableHead className="text-right">{t("callsLive")}</TableHead>
            <TableHead className="text-right">{t("dueNow")}</TableHead>
            <TableHead>{t("alerts.title")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.companies.length === 0 ? (
            <TableRow>
              <TableCell colSpan={6} className="text-center text-muted-foreground">
                {t("noCompanies")}
              </TableCell>
            </TableRow>
          ) : (
            data.companies.map((c) => (
              <TableRow key={c.companyId} data-testid={`platform-monitor-${c.name}`}>
                <TableCell className="font-medium">{c.name}</TableCell>
                <TableCell className="text-right tabular-nums">{t("seatsValue", { inUse: c.seats.inUse, allowed: c.seats.allowed })}</TableCell>
                <TableCell className="text-right tabular-nums">{t("dialsValue", { count: c.dialsLastMinute, limit: c.dialsPerMinuteLimit })}</TableCell>
                <TableCell className="text-right tabular-nums">{c.callsLive}</TableCell>
                <TableCell className="text-right tabular-nums">{c.dueNow}</TableCell>
                <TableCell className="space-x-1">
                  {c.alerts.length === 0 ? (
                    <span className="text-muted-foreground">{t("noAlerts")}</span>
                  ) : (
                    c.alerts.map((kind) => (
                      <Badge key={kind} variant={kind === "carrierHeld" || kind === "balanceExhausted" ? "destructive" : "outline"}>
                        {t(`alertKinds.${kind}`)}
                      </Badge>
                    ))
                  )}
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
