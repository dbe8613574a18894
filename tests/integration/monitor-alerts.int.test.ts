import { describe, expect, it } from "vitest";
import type { SendSmsInput, SmsPort } from "@/server/ports/sms";
import { deliverMonitorAlerts } from "@/server/services/dialer/monitor/deliver-monitor-alerts";
import { getMonitorSnapshot } from "@/server/services/dialer/monitor/get-monitor-snapshot";
import { callerFor, seeded, testDb } from "./fixtures";
import { createDialerCompany, minutes, shanghai } from "./dialer-fixtures";

class RecordingSms implements SmsPort {
  readonly sent: SendSmsInput[] = [];
  send(input: SendSmsInput) {
    this.sent.push(input);
    return Promise.resolve({ providerMessageId: `sim-${this.sent.length}` });
  }
}

describe("实时监控 alerts: the company's thresholds, delivered by the minutely job at most once per cause per hour", () => {
  it("uses the admin's thresholds on the page, and sends a low balance by SMS and webhook once an hour", async () => {
    const db = testDb();
    const company = await createDialerCompany("monitor-alerts");
    const scope = { companyId: company.companyId, clinicIds: company.clinicIds };
    const t0 = shanghai(10);
    const admin = await callerFor(company.admin.id);
    const balance = (await getMonitorSnapshot(db, scope, {}, t0)).balance;
    // A balance of 150 minutes: fine under the default 100, an alert once the admin raises the threshold to 200.
    await db.callBalanceEntry.create({ data: { companyId: company.companyId, delta: 150 - balance, reason: "adjustment" } });
    expect((await getMonitorSnapshot(db, scope, {}, t0)).alerts).toEqual([]);
    const endpoint = await db.webhookEndpoint.create({ data: { companyId: company.companyId, url: "https://example.com/hook", secret: "s", events: ["call.ended"] } });

    const sms = new RecordingSms();
    // Nothing asked for yet: the job sends nothing, whatever the page shows.
    expect(await deliverMonitorAlerts(db, sms, t0)).toEqual([]);

    await admin.monitor.updateAlertSettings({ balanceMinutes: 200, answerRatePercent: 15, interceptedPercent: 50, smsMobile: "138 0013 8000", byWebhook: true });
    expect(await admin.monitor.alertSettings()).toMatchObject({ balanceMinutes: 200, smsMobile: "13800138000", byWebhook: true, webhooks: 1 });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).events).toEqual(["call.ended", "alert.raised"]);
    expect((await getMonitorSnapshot(db, scope, {}, t0)).alerts).toEqual([{ kind: "balanceLow", balance: 150, threshold: 200 }]);

    const first = await deliverMonitorAlerts(db, sms, t0);
    expect(first.filter((d) => d.companyId === company.companyId)).toEqual([{ companyId: company.companyId, cause: "balanceLow", sms: true, webhooks: 1 }]);
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0]!.mobile).toBe("13800138000");
    expect(sms.sent[0]!.content).toContain("150");
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(deliveries.map((d) => d.event)).toEqual(["alert.raised"]);
    expect(deliveries[0]!.payload).toMatchObject({ event: "alert.raised", data: { kind: "balanceLow", cause: "balanceLow", balance: 150, threshold: 200 } });

    // Debounced: the same cause within the hour sends nothing; after the hour it is sent again.
    expect(await deliverMonitorAlerts(db, sms, minutes(t0, 30))).toEqual([]);
    expect(sms.sent).toHaveLength(1);
    expect((await deliverMonitorAlerts(db, sms, minutes(t0, 61))).map((d) => d.cause)).toEqual(["balanceLow"]);
    expect(sms.sent).toHaveLength(2);

    // Turned off: the endpoint is unsubscribed and no SMS goes out.
    await admin.monitor.updateAlertSettings({ balanceMinutes: 200, answerRatePercent: 15, interceptedPercent: 50, smsMobile: null, byWebhook: false });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).events).toEqual(["call.ended"]);
    expect(await deliverMonitorAlerts(db, sms, minutes(t0, 180))).toEqual([]);
  });

  it("refuses a bad mobile, and a clinic-limited manager (the setting is company-wide)", async () => {
    const s = await seeded();
    const admin = await callerFor(s.a.admin.id);
    await expect(admin.monitor.updateAlertSettings({ balanceMinutes: 1, answerRatePercent: 1, interceptedPercent: 1, smsMobile: "12345", byWebhook: false })).rejects.toThrow(/手机号/);
    const clinicAdmin = await callerFor(s.a.clinicAdmin.id);
    await expect(clinicAdmin.monitor.updateAlertSettings({ balanceMinutes: 1, answerRatePercent: 1, interceptedPercent: 1, smsMobile: null, byWebhook: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows every company to the platform admin, with its seats and alerts, and to nobody else", async () => {
    const s = await seeded();
    const platform = await callerFor(s.platformAdmin.id);
    const view = await platform.monitor.platform();
    const a = view.companies.find((c) => c.companyId === s.a.company.id);
    const b = view.companies.find((c) => c.companyId === s.b.company.id);
    expect(a?.name).toBe(s.a.company.name);
    expect(b).toBeTruthy();
    expect(a!.seats.allowed).toBeGreaterThan(0);
    await expect((await callerFor(s.a.admin.id)).monitor.platform()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
