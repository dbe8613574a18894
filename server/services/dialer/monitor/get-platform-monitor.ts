import type { Tx } from "@/server/db/create-client";
import { getMonitorSnapshot } from "./get-monitor-snapshot";

/**
 * 实时监控 for platform admins: one row per company, each from that company's own company-wide snapshot (the same
 * counts and alerts its admins see): seats in use, dials in the last minute, calls live, the carrier's hold and alerts.
 */
export async function getPlatformMonitor(db: Tx, now: Date) {
  const companies = await db.company.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, callingHeldAt: true, callingHoldCode: true, clinics: { select: { id: true } } },
  });
  const rows = [];
  for (const c of companies) {
    const snap = await getMonitorSnapshot(db, { companyId: c.id, clinicIds: c.clinics.map((x) => x.id) }, {}, now);
    rows.push({
      companyId: c.id,
      name: c.name,
      seats: snap.seats,
      dialsLastMinute: snap.dialsLastMinute,
      dialsPerMinuteLimit: snap.dialsPerMinuteLimit,
      callsLive: snap.calls.ringing + snap.calls.talking,
      dueNow: snap.tasks.dueNow,
      held: c.callingHeldAt ? { since: c.callingHeldAt, code: c.callingHoldCode } : null,
      alerts: snap.alerts.map((a) => a.kind),
    });
  }
  return { at: now, companies: rows };
}
