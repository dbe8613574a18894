import type { PrismaClient, Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { updateAlertSettingsInput, type UpdateAlertSettingsInput } from "./alert-settings.schema";
import { assertCompanyWide } from "@/server/services/tenancy/assert-company-wide";

const SELECT = { alertBalanceMinutes: true, alertAnswerRatePercent: true, alertInterceptedPercent: true, alertSmsMobile: true, alertByWebhook: true } as const;

function view(c: { alertBalanceMinutes: number; alertAnswerRatePercent: number; alertInterceptedPercent: number; alertSmsMobile: string | null; alertByWebhook: boolean }) {
  return { balanceMinutes: c.alertBalanceMinutes, answerRatePercent: c.alertAnswerRatePercent, interceptedPercent: c.alertInterceptedPercent, smsMobile: c.alertSmsMobile, byWebhook: c.alertByWebhook };
}

export async function getAlertSettings(db: Tx, scope: Scope) {
  const company = await db.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { ...SELECT, webhookEndpoints: { where: { active: true }, select: { id: true } } } });
  return { ...view(company), webhooks: company.webhookEndpoints.length };
}

/**
 * 告警设置 (company admin: a company-wide setting needs every clinic). Alerts by webhook subscribe the company's endpoints
 * to `alert.raised` (and unsubscribe them when turned off), so the deliveries go through the webhooks' own mechanism.
 */
export async function updateAlertSettings(db: PrismaClient, scope: Scope, viewer: Viewer, raw: UpdateAlertSettingsInput) {
  const input = updateAlertSettingsInput.parse(raw);
  return db.$transaction(async (tx) => {
    await assertCompanyWide(tx, scope, "告警设置");
    const updated = await tx.company.update({
      where: { id: scope.companyId },
      data: {
        alertBalanceMinutes: input.balanceMinutes,
        alertAnswerRatePercent: input.answerRatePercent,
        alertInterceptedPercent: input.interceptedPercent,
        alertSmsMobile: input.smsMobile,
        alertByWebhook: input.byWebhook,
      },
      select: SELECT,
    });
    const endpoints = await tx.webhookEndpoint.findMany({ where: { companyId: scope.companyId }, select: { id: true, events: true } });
    for (const e of endpoints) {
      const has = e.events.includes("alert.raised");
      if (has === input.byWebhook) continue;
      const events = input.byWebhook ? [...e.events, "alert.raised"] : e.events.filter((x) => x !== "alert.raised");
      await tx.webhookEndpoint.update({ where: { id: e.id }, data: { events } });
    }
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "monitor.alertSettings",
      targetType: "company",
      targetId: scope.companyId,
      data: { ...input },
    });
    return view(updated);
  });
}
