"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/client";

/** Without the stream, the page refetches this often (as 实时监控 does). */
const FALLBACK_REFETCH_MS = 10_000;

/**
 * 平台实时监控: the platform query (prefetched on the server) kept current by the monitor.platformLive stream (SSE, woken
 * by any company's dialer activity); if the stream cannot open, the query refetches every 10 s instead.
 */
export function PlatformMonitor() {
  const t = useTranslations("monitor");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sub = useSubscription(
    trpc.monitor.platformLive.subscriptionOptions(undefined, {
      onData: (event) => queryClient.setQueryData(trpc.monitor.platform.queryKey(), event.data),
    }),
  );
  const live = sub.status === "pending";
  const { data } = useQuery({ ...trpc.monitor.platform.queryOptions(), refetchInterval: live ? false : FALLBACK_REFETCH_MS });
  if (!data) return null;
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <Badge variant={live ? "default" : "outline"} data-testid="monitor-stream-state">
          {live ? t("live") : sub.status === "error" ? t("polling") : t("connecting")}
        </Badge>
        <p className="text-sm text-muted-foreground">{t("updatedAt", { time: format.dateTime(data.at, { hour: "2-digit", minute: "2-digit", second: "2-digit" }) })}</p>
      </div>
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
