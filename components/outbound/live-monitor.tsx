"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ScriptRowActions } from "@/components/scripts/script-row-actions";
import { ScriptStatusBadge } from "@/components/scripts/script-status-badge";
import { useTRPC } from "@/components/trpc/client";
import { callTaskReasonLabel } from "@/server/domain/call-tasks/reasons";
import type { RouterOutputs } from "@/components/trpc/types";
import { useRefreshAfterScriptChange } from "./use-refresh-after-script-change";
import { PerMinuteChart } from "./per-minute-chart";

type Snapshot = RouterOutputs["monitor"]["snapshot"];
type Reason = NonNullable<Snapshot["scripts"][number]["reason"]>;

/** Without the stream, the page refetches this often. */
const FALLBACK_REFETCH_MS = 10_000;

/**
 * 实时监控: the snapshot query (prefetched on the server) kept current by the monitor.live stream (SSE); if the stream
 * cannot open, the query refetches every 10 s instead.
 */
export function LiveMonitor({ canManage, scriptId }: { canManage: boolean; scriptId?: string }) {
  const t = useTranslations("monitor");
  const tWindow = useTranslations("callingWindow");
  const tCommon = useTranslations("common");
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useRefreshAfterScriptChange();
  const sub = useSubscription(
    trpc.monitor.live.subscriptionOptions(
      { scriptId },
      { onData: (event) => queryClient.setQueryData(trpc.monitor.snapshot.queryKey({ scriptId }), event.data) },
    ),
  );
  const live = sub.status === "pending";
  const { data } = useQuery({ ...trpc.monitor.snapshot.queryOptions({ scriptId }), refetchInterval: live ? false : FALLBACK_REFETCH_MS });
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setClock(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!data) return null;

  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit" });
  const reasonText = (r: Reason): string => {
    switch (r.kind) {
      case "companySeatsFull":
        return t("reasons.companySeatsFull", { limit: data.limits.seatLimit });
      case "scriptSeatsFull":
        return t("reasons.scriptSeatsFull", { limit: data.limits.seatsPerScript });
      case "scriptThrottled":
        return t("reasons.scriptThrottled", { limit: data.limits.dialsPerMinuteScript, time: format.dateTime(r.until, { hour: "2-digit", minute: "2-digit", second: "2-digit" }) });
      case "outsideCallingWindow":
        return t("reasons.outsideCallingWindow", { day: tWindow("day", { offset: String(r.dayOffset) }), time: r.time });
      case "notDueYet":
        return t("reasons.notDueYet", { time: time(r.nextDueAt) });
      default:
        return t(`reasons.${r.kind}`);
    }
  };
  const duration = (since: Date) => {
    const s = Math.max(0, Math.round((clock - new Date(since).getTime()) / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  };

  const cards = [
    { key: "seats", label: t("seats"), value: t("seatsValue", { inUse: data.seats.inUse, allowed: data.seats.allowed }) },
    { key: "dials", label: t("dialsPerMinute"), value: t("dialsValue", { count: data.dialsLastMinute, limit: data.dialsPerMinuteLimit }) },
    { key: "calls", label: t("callsNow"), value: t("callsNowValue", { ringing: data.calls.ringing, talking: data.calls.talking }) },
    { key: "answered", label: t("recentLabel", { label: t("answered"), minutes: data.recent.minutes }), value: String(data.recent.answered) },
    { key: "notAnswered", label: t("recentLabel", { label: t("notAnswered"), minutes: data.recent.minutes }), value: String(data.recent.notAnswered) },
    { key: "intercepted", label: t("recentLabel", { label: t("intercepted"), minutes: data.recent.minutes }), value: String(data.recent.intercepted) },
    { key: "sms", label: t("recentLabel", { label: t("smsSent"), minutes: data.recent.minutes }), value: String(data.recent.smsSent) },
    { key: "due", label: t("dueNow"), value: String(data.tasks.dueNow) },
    { key: "window", label: t("waitingForWindow"), value: String(data.tasks.waitingForWindow) },
    { key: "balance", label: t("balance"), value: String(data.balance) },
  ];

  return (
    <div className="space-y-4" data-testid="live-monitor">
      <div className="flex items-center gap-2 text-sm text-muted-foreground">
        <Badge variant={live ? "default" : "outline"} data-testid="monitor-stream-state">
          {live ? t("live") : sub.status === "error" ? t("polling") : t("connecting")}
        </Badge>
        <span>{t("updatedAt", { time: format.dateTime(data.at, { hour: "2-digit", minute: "2-digit", second: "2-digit" }) })}</span>
      </div>
      {data.alerts.length > 0 ? (
        <Alert variant="destructive" data-testid="monitor-alerts">
          <TriangleAlert className="size-4" />
          <AlertTitle>{t("alerts.title")}</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-4">
              {data.alerts.map((a) => (
                <li key={a.kind + ("scriptId" in a ? a.scriptId : "")}>
                  {a.kind === "balanceLow"
                    ? t("alerts.balanceLow", { balance: a.balance, threshold: a.threshold })
                    : a.kind === "answerRateLow"
                      ? t("alerts.answerRateLow", { name: a.scriptName, answered: a.answered, calls: a.calls, threshold: Math.round(a.threshold * 100) })
                      : a.kind === "interceptedShareHigh"
                        ? t("alerts.interceptedShareHigh", { intercepted: a.intercepted, decisions: a.decisions, threshold: Math.round(a.threshold * 100) })
                        : a.kind === "carrierHeld"
                          ? t("alerts.carrierHeld")
                          : t("alerts.balanceExhausted")}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {cards.map((c) => (
          <Card key={c.key} className="gap-1 py-3" data-testid={`monitor-card-${c.key}`}>
            <CardHeader className="px-4">
              <CardTitle className="text-xs font-normal text-muted-foreground">{c.label}</CardTitle>
            </CardHeader>
            <CardContent className="px-4 text-xl font-semibold tabular-nums">{c.value}</CardContent>
          </Card>
        ))}
      </div>
      {data.recent.interceptedByRule.length > 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="monitor-intercepted-rules">
          {tCommon("labelValue", { label: t("interceptedByRule"), value: data.recent.interceptedByRule.map((r) => `${callTaskReasonLabel(r.rule, locale)} ${r.n}`).join(t("listSeparator")) })}
        </p>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("chartTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <PerMinuteChart points={data.perMinute} dialsLabel={t("chartDials")} answersLabel={t("chartAnswers")} formatMinute={time} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("scriptsTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table data-testid="monitor-scripts">
            <TableHeader>
              <TableRow>
                <TableHead>{t("script")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead className="text-right">{t("scriptSeats")}</TableHead>
                <TableHead className="text-right">{t("scriptDials")}</TableHead>
                <TableHead className="text-right">{t("scriptDue")}</TableHead>
                <TableHead>{t("reason")}</TableHead>
                {canManage ? <TableHead>{t("actions")}</TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.scripts.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={canManage ? 7 : 6} className="text-center text-muted-foreground">
                    {t("noScripts")}
                  </TableCell>
                </TableRow>
              ) : (
                data.scripts.map((s) => (
                  <TableRow key={s.id} data-testid={`monitor-script-${s.name}`}>
                    <TableCell className="font-medium">
                      {scriptId ? (
                        s.name
                      ) : (
                        <Link href={`/management/outbound/monitor/${s.id}`} className="underline-offset-4 hover:underline" data-testid="monitor-script-link">
                          {s.name}
                        </Link>
                      )}
                    </TableCell>
                    <TableCell>
                      <ScriptStatusBadge status={s.status} pauseReason={s.pauseReason} />
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {s.seatsInUse} / {data.limits.seatsPerScript}
                    </TableCell>
                    <TableCell className="text-right tabular-nums" data-testid="monitor-script-dials">
                      {s.dialsLastMinute} / {data.limits.dialsPerMinuteScript}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{s.dueNow}</TableCell>
                    <TableCell data-testid="monitor-reason" className={s.reason ? "text-amber-700" : "text-muted-foreground"}>
                      {s.reason ? reasonText(s.reason) : s.dueNow > 0 || s.seatsInUse > 0 ? t("dialing") : t("idle")}
                    </TableCell>
                    {canManage ? (
                      <TableCell>
                        <ScriptRowActions script={s} />
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("liveCallsTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table data-testid="monitor-live-calls">
            <TableHeader>
              <TableRow>
                <TableHead>{t("patient")}</TableHead>
                <TableHead>{t("mobile")}</TableHead>
                <TableHead>{t("script")}</TableHead>
                <TableHead>{t("clinic")}</TableHead>
                <TableHead>{t("state")}</TableHead>
                <TableHead className="text-right">{t("duration")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.calls.list.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={6} className="text-center text-muted-foreground">
                    {t("noLiveCalls")}
                  </TableCell>
                </TableRow>
              ) : (
                data.calls.list.map((c) => (
                  <TableRow key={c.id} data-testid={`monitor-call-${c.id}`}>
                    <TableCell>{c.patientName}</TableCell>
                    <TableCell className="tabular-nums">{c.mobile}</TableCell>
                    <TableCell>{c.scriptName}</TableCell>
                    <TableCell>{c.clinicShortName}</TableCell>
                    <TableCell>
                      <Badge variant={c.state === "talking" ? "default" : "outline"}>{t(c.state)}</Badge>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{duration(c.startedAt)}</TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
