import type { PrismaClient } from "@/server/db/create-client";
import { ALERT_REPEAT_MS, alertCause, alertSmsText, type MonitorAlert } from "@/server/domain/calling-policy/monitor-alerts";
import type { SmsPort } from "@/server/ports/sms";
import { emitWebhookEvent } from "@/server/services/webhooks/emit-webhook-event";
import { getMonitorSnapshot } from "./get-monitor-snapshot";

export interface DeliveredAlert {
  companyId: string;
  cause: string;
  sms: boolean;
  webhooks: number;
}

/**
 * 实时监控 alerts delivered (issue 27 item 4), by the minutely job — never by a page view: for each company that asked
 * for them (an admin mobile for SMS and/or its webhooks subscribed to `alert.raised`), the alerts of the company-wide
 * snapshot (the banner's own computation), each cause at most once per ALERT_REPEAT_MS. The cause is claimed in the
 * database before sending, so two app processes running the job deliver it once.
 */
export async function deliverMonitorAlerts(db: PrismaClient, sms: SmsPort, now: Date): Promise<DeliveredAlert[]> {
  const companies = await db.company.findMany({
    where: { OR: [{ alertSmsMobile: { not: null } }, { alertByWebhook: true }] },
    select: { id: true, name: true, alertSmsMobile: true, alertByWebhook: true, clinics: { select: { id: true } } },
  });
  const delivered: DeliveredAlert[] = [];
  for (const company of companies) {
    const scope = { companyId: company.id, clinicIds: company.clinics.map((c) => c.id) };
    const { alerts } = await getMonitorSnapshot(db, scope, {}, now);
    for (const alert of alerts) {
      const cause = alertCause(alert);
      if (!(await claimCause(db, company.id, cause, now))) continue;
      let sent = false;
      if (company.alertSmsMobile) sent = await sendSms(sms, company.alertSmsMobile, alert, company.name, `${company.id}:${cause}:${now.getTime()}`);
      const webhooks = company.alertByWebhook
        ? await emitWebhookEvent(db, company.id, "alert.raised", `alert.raised:${company.id}:${cause}:${now.getTime()}`, alertBody(alert, now), now)
        : 0;
      delivered.push({ companyId: company.id, cause, sms: sent, webhooks });
    }
  }
  return delivered;
}

/** True when this cause was not delivered in the last hour (and is now marked delivered at `now`). */
async function claimCause(db: PrismaClient, companyId: string, cause: string, now: Date): Promise<boolean> {
  const before = new Date(now.getTime() - ALERT_REPEAT_MS);
  const rows = await db.$queryRaw<{ cause: string }[]>`
    INSERT INTO "MonitorAlertSent" ("companyId", cause, "sentAt") VALUES (${companyId}, ${cause}, ${now})
    ON CONFLICT ("companyId", cause) DO UPDATE SET "sentAt" = EXCLUDED."sentAt" WHERE "MonitorAlertSent"."sentAt" <= ${before}
    RETURNING cause`;
  return rows.length > 0;
}

async function sendSms(sms: SmsPort, mobile: string, alert: MonitorAlert, companyName: string, clientRef: string): Promise<boolean> {
  try {
    await sms.send({ clientRef, mobile, content: alertSmsText(alert, companyName) });
    return true;
  } catch (error) {
    // The banner still shows it; the next delivery is an hour later, like a sent one.
    console.warn(`[monitor] alert SMS to ${mobile.slice(0, 3)}****${mobile.slice(-4)} failed: ${(error as Error).message}`);
    return false;
  }
}

/** The webhook's `data`: the alert as the banner has it, with its cause. */
function alertBody(alert: MonitorAlert, now: Date) {
  return { cause: alertCause(alert), raisedAt: now.toISOString(), ...alert };
}
