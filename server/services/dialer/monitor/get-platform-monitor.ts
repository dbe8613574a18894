import type { PrismaClient, Tx } from "@/server/db/create-client";
import { getMonitorSnapshot, type MonitorSnapshot } from "./get-monitor-snapshot";

type CompanyHead = { id: string; name: string; callingHeldAt: Date | null; callingHoldCode: string | null; clinics: { id: string }[] };

const HEAD = { id: true, name: true, callingHeldAt: true, callingHoldCode: true, clinics: { select: { id: true } } } as const;
const listCompanies = (db: Tx): Promise<CompanyHead[]> => db.company.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: HEAD });

const scopeOf = (c: CompanyHead) => ({ companyId: c.id, clinicIds: c.clinics.map((x) => x.id) });

function platformRow(c: CompanyHead, snap: MonitorSnapshot) {
  return {
    companyId: c.id,
    name: c.name,
    seats: snap.seats,
    dialsLastMinute: snap.dialsLastMinute,
    dialsPerMinuteLimit: snap.dialsPerMinuteLimit,
    callsLive: snap.calls.ringing + snap.calls.talking,
    dueNow: snap.tasks.dueNow,
    held: c.callingHeldAt ? { since: c.callingHeldAt, code: c.callingHoldCode } : null,
    alerts: snap.alerts.map((a) => a.kind),
  };
}
export type PlatformMonitorRow = ReturnType<typeof platformRow>;
export interface PlatformMonitor {
  at: Date;
  companies: PlatformMonitorRow[];
}

/**
 * 实时监控 for platform admins: one row per company, each from that company's own company-wide snapshot (the same
 * counts and alerts its admins see): seats in use, dials in the last minute, calls live, the carrier's hold and alerts.
 */
export async function getPlatformMonitor(db: Tx, now: Date): Promise<PlatformMonitor> {
  const rows = [];
  for (const c of await listCompanies(db)) rows.push(platformRow(c, await getMonitorSnapshot(db, scopeOf(c), {}, now)));
  return { at: now, companies: rows };
}

/**
 * The platform view's next value for its live stream (monitor.platformLive): only the companies notified since the
 * previous value are read again (each in one read-only transaction), the other rows are kept; `changed` null (the first
 * value, the idle refresh) or a company the previous value did not know reads everything.
 */
export async function refreshPlatformMonitor(
  db: PrismaClient,
  now: Date,
  changed: ReadonlySet<string> | null,
  previous: PlatformMonitor | null,
): Promise<PlatformMonitor> {
  const read = (c: CompanyHead) =>
    db.$transaction((tx) => getMonitorSnapshot(tx, scopeOf(c), {}, now), { isolationLevel: "RepeatableRead", timeout: 30_000 });
  const known = new Set(previous?.companies.map((r) => r.companyId));
  if (!changed || !previous || [...changed].some((id) => !known.has(id))) {
    const rows = [];
    for (const c of await listCompanies(db)) rows.push(platformRow(c, await read(c)));
    return { at: now, companies: rows };
  }
  const heads = changed.size
    ? await db.company.findMany({ where: { id: { in: [...changed] } }, select: HEAD })
    : [];
  const fresh = new Map<string, PlatformMonitorRow>();
  for (const c of heads) fresh.set(c.id, platformRow(c, await read(c)));
  return { at: now, companies: previous.companies.filter((r) => !changed.has(r.companyId) || fresh.has(r.companyId)).map((r) => fresh.get(r.companyId) ?? r) };
}
