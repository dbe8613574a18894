import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { companyLimits, notDialingReason, type NotDialingReason, type PendingInClinic } from "@/server/domain/calling-policy";
import { alertThresholds, monitorAlerts } from "@/server/domain/calling-policy/monitor-alerts";
import { AppError } from "@/server/errors";
import { mayUseOutbound } from "@/server/domain/outbound/outbound-access";
import { maskMobile } from "@/server/domain/patients/mobile";
import { loadOutboundAccess } from "@/server/services/dialer/outbound/load-outbound-access";
import { getCallBalance } from "@/server/services/scripts/get-call-balance";
import { visibleScript } from "@/server/services/scripts/visible-script";
import { idleScript, loadDialerLoad } from "../load-dialer-load";

export const monitorSnapshotInput = z.object({ scriptId: z.string().min(1).optional() }).default({});
export type MonitorSnapshotInput = z.input<typeof monitorSnapshotInput>;

/** The figures of the last this-many minutes (接通 / 未接通 / 拦截, 短信). */
export const RECENT_MINUTES = 15;
/** The per-minute chart covers this many minutes. */
export const SERIES_MINUTES = 60;

export interface LiveCall {
  id: string;
  /** ringing: placed (or being placed), not answered yet; talking: the carrier reported the call connected. */
  state: "ringing" | "talking";
  patientName: string;
  mobile: string;
  scriptId: string;
  scriptName: string;
  clinicShortName: string;
  /** Since the dial, for the live duration. */
  startedAt: Date;
}

export interface MonitorScript {
  id: string;
  name: string;
  status: "enabled" | "paused" | "stopped";
  pauseReason: "manual" | "insufficientBalance" | null;
  seatsInUse: number;
  dialsLastMinute: number;
  dueNow: number;
  waitingForWindow: number;
  reason: NotDialingReason | null;
}

/**
 * What a snapshot reads that changes slowly — the company's settings, its 智能外呼 approval, the visible scripts and the
 * caller's clinics — apart from the figures, so a live view can keep them between snapshots until a notification says
 * they changed (migration `monitor_settings_notify`: `dialer_activity` with `s:<companyId>`; the approval's
 * `viewer_changed` `c:<companyId>`; live-view.ts).
 */
export async function loadMonitorSettings(db: Tx, scope: Scope, raw: MonitorSnapshotInput) {
  const input = monitorSnapshotInput.parse(raw);
  const { companyId, clinicIds } = scope;
  const scriptFilter = input.scriptId ? { id: input.scriptId } : {};
  const [company, access, scripts, clinics] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: companyId }, select: { seatLimit: true, seatsPerScript: true, dialsPerMinuteScript: true, redialMaxAttempts: true, redialIntervalMin: true, callingHeldAt: true, callingHoldCode: true, callingHoldProbeAt: true, alertBalanceMinutes: true, alertAnswerRatePercent: true, alertInterceptedPercent: true } }),
    loadOutboundAccess(db, companyId),
    db.script.findMany({
      where: { ...visibleScript(scope), ...scriptFilter },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, name: true, status: true, pauseReason: true },
    }),
    db.clinic.findMany({ where: { companyId, id: { in: clinicIds } }, select: { id: true, shortName: true, timezone: true, outboundOpenedAt: true } }),
  ]);
  if (input.scriptId && scripts.length === 0) throw AppError.notFound("话术");
  return { company, access, scripts, clinics };
}
export type MonitorSettings = Awaited<ReturnType<typeof loadMonitorSettings>>;

/**
 * 实时监控: one snapshot of the company's calling now (issue 27). The capacity figures come from loadDialerLoad and the
 * per-script reason from notDialingReason — the claim's own counts and rules — so the page and the dialer never disagree.
 * Seats and the per-minute throttle are the company's and the script's whatever clinic the caller sees; everything else
 * (calls, tasks, figures) is limited to the caller's clinics. `settings`: what loadMonitorSettings read for the same
 * scope and input, still current (a live view's); read now when absent.
 */
export async function getMonitorSnapshot(db: Tx, scope: Scope, raw: MonitorSnapshotInput, now: Date, settings?: MonitorSettings) {
  const input = monitorSnapshotInput.parse(raw);
  const { companyId, clinicIds } = scope;
  const since15 = new Date(now.getTime() - RECENT_MINUTES * 60_000);
  const sinceHour = new Date(now.getTime() - SERIES_MINUTES * 60_000);

  const [{ company, access, scripts, clinics }, balance, load] = await Promise.all([
    settings ?? loadMonitorSettings(db, scope, input),
    getCallBalance(db, companyId),
    loadDialerLoad(db, companyId, now),
  ]);
  const scriptIds = scripts.map((s) => s.id);
  const clinicById = new Map(clinics.map((c) => [c.id, c]));
  const limits = companyLimits(company);
  const thresholds = alertThresholds(company);

  const enabledIds = scripts.filter((s) => s.status === "enabled").map((s) => s.id);
  // The figures in one statement (each part a JSON column): a snapshot a second for every open page of a company is a
  // handful of statements, not a dozen (bench/monitor). Times travel as epoch milliseconds. Its text never changes, so
  // each connection prepares it once (create-client.ts): no parsing, and soon no planning, on every snapshot.
  const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;
  type Part<T> = T[] | null;
  const [parts] = await db.$queryRawUnsafe<
    {
      pending: Part<{ scriptId: string; clinicId: string; due: number; later: number; window: number; next: number | null }>;
      live: Part<{ id: string; scriptId: string; clinicId: string; mobile: string | null; patientName: string; startedAt: number; state: string | null }>;
      ended: { answered: number; notAnswered: number };
      intercepted: Part<{ rule: string; n: number }>;
      sms: number;
      series: Part<{ minute: number; dials: number; answers: number }>;
      lastCalls: Part<{ scriptId: string; calls: number; answered: number }>;
      dialed15: number;
    }[]
  >(
    `-- prepared: monitor_figures
    SELECT
      (SELECT json_agg(x) FROM (
        SELECT "scriptId", "clinicId",
               count(*) FILTER (WHERE "nextAttemptAt" <= $1)::int AS due,
               count(*) FILTER (WHERE "nextAttemptAt" > $1)::int AS later,
               count(*) FILTER (WHERE "nextAttemptAt" > $1 AND reason = 'outsideCallingWindow')::int AS window,
               ${ms(`min("nextAttemptAt") FILTER (WHERE "nextAttemptAt" > $1)`)} AS next
        FROM "CallTask"
        WHERE "companyId" = $2 AND status = 'pending' AND mobile IS NOT NULL
          AND "scriptId" = ANY($3::text[]) AND "clinicId" = ANY($4::text[])
        GROUP BY "scriptId", "clinicId") x) AS pending,
      -- Calls in progress: tasks being placed (no Call row yet) and placed calls without a result; talking once the
      -- carrier's latest progress event says so.
      (SELECT json_agg(x ORDER BY x."startedAt") FROM (
        SELECT t.id, t."scriptId", t."clinicId", coalesce(c.mobile, t.mobile) AS mobile, p.name AS "patientName",
               ${ms(`coalesce(c."dialedAt", t."placingAt", t."claimedAt", t."updatedAt")`)} AS "startedAt",
               (SELECT e.payload->>'state' FROM "CarrierEvent" e WHERE e."carrierCallId" = c."carrierCallId" AND e.type = 'call.state'
                ORDER BY e."receivedAt" DESC LIMIT 1) AS state
        FROM "CallTask" t
        JOIN "Patient" p ON p.id = t."patientId"
        LEFT JOIN "Call" c ON c."taskId" = t.id AND c.attempt = t.attempt AND c."endedAt" IS NULL
        WHERE t."companyId" = $2 AND t.status IN ('dialing', 'inCall')
          AND t."scriptId" = ANY($3::text[]) AND t."clinicId" = ANY($4::text[])
        ORDER BY 6 ASC
        LIMIT 1000) x) AS live,
      (SELECT row_to_json(x) FROM (
        SELECT count(*) FILTER (WHERE outcome = 'answered')::int AS answered,
               count(*) FILTER (WHERE outcome <> 'answered')::int AS "notAnswered"
        FROM "Call"
        WHERE "companyId" = $2 AND "dialedAt" > $6 AND "endedAt" > $5
          AND outcome IS NOT NULL AND "scriptId" = ANY($3::text[]) AND "clinicId" = ANY($4::text[])) x) AS ended,
      (SELECT json_agg(x ORDER BY x.n DESC) FROM (
        SELECT reason AS rule, count(*)::int AS n FROM "CallTask"
        WHERE "companyId" = $2 AND status = 'intercepted' AND "finishedAt" > $5
          AND "scriptId" = ANY($3::text[]) AND "clinicId" = ANY($4::text[])
        GROUP BY reason) x) AS intercepted,
      (SELECT count(*)::int FROM "SmsMessage" m
        LEFT JOIN "Call" c ON c.id = m."callId"
        WHERE m."companyId" = $2 AND m."sentAt" > $5
          AND (c.id IS NULL OR (c."scriptId" = ANY($3::text[]) AND c."clinicId" = ANY($4::text[])))) AS sms,
      (SELECT json_agg(x) FROM (
        SELECT ${ms(`date_trunc('minute', "dialedAt")`)} AS minute, count(*)::int AS dials,
               count(*) FILTER (WHERE outcome = 'answered')::int AS answers
        FROM "Call"
        WHERE "companyId" = $2 AND "dialedAt" > $7
          AND "scriptId" = ANY($3::text[]) AND "clinicId" = ANY($4::text[])
        GROUP BY 1) x) AS series,
      -- Each enabled script's last ended calls, for the answer-rate alert (the [scriptId, dialedAt] index, newest first).
      (SELECT json_agg(x) FROM (
        SELECT s.id AS "scriptId", count(*)::int AS calls, count(*) FILTER (WHERE c.outcome = 'answered')::int AS answered
        FROM unnest($8::text[]) AS s(id)
        CROSS JOIN LATERAL (
          SELECT outcome FROM "Call" WHERE "scriptId" = s.id AND outcome IS NOT NULL ORDER BY "dialedAt" DESC LIMIT $9
        ) c
        GROUP BY s.id) x) AS "lastCalls",
      (SELECT count(*)::int FROM "Call"
        WHERE "companyId" = $2 AND "dialedAt" > $5
          AND "scriptId" = ANY($3::text[]) AND "clinicId" = ANY($4::text[])) AS dialed15`,
    now,
    companyId,
    scriptIds,
    clinicIds,
    since15,
    new Date(since15.getTime() - 3600_000),
    sinceHour,
    enabledIds,
    thresholds.answerRateWindow,
  );
  const pending = (parts!.pending ?? []).map((r) => ({ ...r, next: r.next === null ? null : new Date(r.next) }));
  const live = (parts!.live ?? []).map((r) => ({ ...r, startedAt: new Date(r.startedAt) }));
  const ended = parts!.ended;
  const intercepted = parts!.intercepted ?? [];
  const series = (parts!.series ?? []).map((r) => ({ ...r, minute: new Date(r.minute) }));
  const lastCalls = parts!.lastCalls ?? [];

  const byMinute = new Map(series.map((r) => [r.minute.getTime(), r]));
  const lastMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  const perMinute = Array.from({ length: SERIES_MINUTES }, (_, i) => {
    const at = lastMinute - (SERIES_MINUTES - 1 - i) * 60_000;
    const row = byMinute.get(at);
    return { minute: new Date(at), dials: row?.dials ?? 0, answers: row?.answers ?? 0 };
  });

  const approved = mayUseOutbound(access);
  const scriptRows: MonitorScript[] = scripts.map((s) => {
    const own = load.byScript.get(s.id) ?? idleScript();
    const rows = pending.filter((p) => p.scriptId === s.id);
    const inClinics: PendingInClinic[] = rows.map((p) => {
      const c = clinicById.get(p.clinicId);
      return { timeZone: c?.timezone ?? "Asia/Shanghai", opened: c?.outboundOpenedAt != null, dueNow: p.due, later: p.later, nextDueAt: p.next };
    });
    const reason = notDialingReason(
      {
        status: s.status,
        pauseReason: s.pauseReason,
        balance,
        carrierHold: company.callingHeldAt ? { code: company.callingHoldCode, probeAt: company.callingHoldProbeAt } : null,
        outboundApproved: approved,
        limits,
        load: { companyActive: load.companyActive, scriptActive: own.active, recentDials: own.recent.count, recentOldestAt: own.recent.oldestAt },
        clinics: inClinics,
      },
      now,
    );
    return {
      id: s.id,
      name: s.name,
      status: s.status,
      pauseReason: s.pauseReason,
      seatsInUse: own.active,
      dialsLastMinute: own.recent.count,
      dueNow: rows.reduce((n, p) => n + p.due, 0),
      waitingForWindow: rows.reduce((n, p) => n + p.window, 0),
      reason,
    };
  });
  // The table shows scripts that may dial or have something to say: enabled ones, and any with work or a call now.
  const shown = input.scriptId ? scriptRows : scriptRows.filter((s) => s.status === "enabled" || s.seatsInUse > 0 || s.dueNow > 0 || s.reason !== null);
  const nameOf = new Map(scripts.map((s) => [s.id, s.name]));

  const liveCalls: LiveCall[] = live.map((r) => ({
    id: r.id,
    state: r.state === "inCall" ? "talking" : "ringing",
    patientName: r.patientName,
    mobile: maskMobile(r.mobile),
    scriptId: r.scriptId,
    scriptName: nameOf.get(r.scriptId) ?? "",
    clinicShortName: clinicById.get(r.clinicId)?.shortName ?? "",
    startedAt: r.startedAt,
  }));

  const interceptedRecent = intercepted.reduce((n, r) => n + r.n, 0);
  const alerts = monitorAlerts({
    balance,
    carrierHold: company.callingHeldAt ? { code: company.callingHoldCode } : null,
    scripts: lastCalls.map((r) => ({ id: r.scriptId, name: nameOf.get(r.scriptId) ?? "", lastCalls: r.calls, lastAnswered: r.answered })),
    recent: { intercepted: interceptedRecent, dialed: parts!.dialed15 },
  }, thresholds);

  return {
    at: now,
    /** The one script of a per-script monitor. */
    script: input.scriptId ? { id: scripts[0]!.id, name: scripts[0]!.name } : null,
    alerts,
    balance,
    limits: { seatLimit: limits.seatLimit, seatsPerScript: limits.seatsPerScript, dialsPerMinuteScript: limits.dialsPerMinuteScript },
    seats: { inUse: load.companyActive, allowed: limits.seatLimit },
    dialsLastMinute: [...load.byScript.entries()].filter(([id]) => !input.scriptId || id === input.scriptId).reduce((n, [, l]) => n + l.recent.count, 0),
    /** The per-minute limit applies per script: the company's ceiling is the limit times its enabled scripts. */
    dialsPerMinuteLimit: limits.dialsPerMinuteScript * Math.max(1, scripts.filter((s) => s.status === "enabled").length),
    calls: {
      ringing: liveCalls.filter((c) => c.state === "ringing").length,
      talking: liveCalls.filter((c) => c.state === "talking").length,
      list: liveCalls.slice(0, 100),
    },
    recent: {
      minutes: RECENT_MINUTES,
      answered: ended.answered,
      notAnswered: ended.notAnswered,
      intercepted: interceptedRecent,
      interceptedByRule: intercepted,
      smsSent: parts!.sms,
    },
    tasks: {
      dueNow: scriptRows.reduce((n, s) => n + s.dueNow, 0),
      waitingForWindow: scriptRows.reduce((n, s) => n + s.waitingForWindow, 0),
    },
    perMinute,
    scripts: shown,
  };
}

export type MonitorSnapshot = Awaited<ReturnType<typeof getMonitorSnapshot>>;
