import type { PrismaClient, Tx } from "@/server/db/create-client";
import type { PatientDataRequirement } from "@/server/domain/call-tasks/creation-checks";
import { callVariableValues } from "@/server/domain/call-tasks/call-variable-values";
import { decideHangupSms, renderSms, smsPlaceholderValues, smsTemplateParams } from "@/server/domain/sms/hangup-sms";
import { smsSegments } from "@/server/domain/sms/sms-template";
import { CALL_VARIABLES } from "@/server/domain/templates/call-variables";
import { SmsRejected, type SmsPort } from "@/server/ports/sms";
import { loadPatientCallData } from "@/server/services/dialer/load-patient-call-data";
import { fileCallFigure } from "@/server/services/metrics/call-totals";

export type HangupSmsResult =
  | { status: "sent" | "failed"; messageId: string; reason?: string }
  | { status: "skipped"; reason: string };

/** SmsMessage.error when the company's 短信余量 cannot pay for the message. */
export const INSUFFICIENT_SMS_QUOTA = "insufficientSmsQuota";
/** SmsMessage.error when the provider sends only its own approved templates and ours has no vendor template id. */
export const SMS_TEMPLATE_NOT_MAPPED = "smsTemplateNotMapped";

/**
 * 挂机短信 after one call: the script's answered / unanswered template, never to 停机 / 空号, paid from the company's
 * 短信余量 (SmsQuotaEntry ledger) by its segments, once per outreach (decideHangupSms: after the first answer or the
 * last attempt; checked again under the company's SMS lock) and recorded once per call (SmsMessage.callId is unique). Without quota
 * nothing is sent and the message is recorded as failed with the reason. Safe to run again for the same call.
 */
export async function sendHangupSms(
  db: PrismaClient,
  callId: string,
  deps: { sms: SmsPort; now?: () => Date },
): Promise<HangupSmsResult> {
  const { sms } = deps;
  const now = deps.now?.() ?? new Date();
  const call = await db.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      companyId: true,
      patientId: true,
      taskId: true,
      attempt: true,
      mobile: true,
      outcome: true,
      carrierOutcome: true,
      clinic: { select: { shortName: true, address: true, phone: true, timezone: true } },
      patient: { select: { name: true, gender: true } },
      script: {
        select: {
          hangupSmsEnabled: true,
          hangupSmsAnsweredTemplate: { select: { id: true, content: true, status: true, vendorTemplateId: true } },
          hangupSmsUnansweredTemplate: { select: { id: true, content: true, status: true, vendorTemplateId: true } },
        },
      },
      smsMessage: { select: { id: true, status: true, error: true, content: true, template: { select: { content: true, vendorTemplateId: true } } } },
    },
  });
  if (!call?.outcome) return { status: "skipped", reason: "callNotEnded" };
  if (call.smsMessage) {
    const m = call.smsMessage;
    if (m.status === "queued") {
      const template = m.template ? { vendorTemplateId: m.template.vendorTemplateId, params: (await renderFor(db, call, m.template.content, now)).params } : undefined;
      return deliver(db, sms, { id: m.id, companyId: call.companyId, mobile: call.mobile, content: m.content, template }, now);
    }
    return { status: m.status, messageId: m.id, ...(m.error ? { reason: m.error } : {}) };
  }

  const decision = decideHangupSms({
    enabled: call.script.hangupSmsEnabled,
    outcome: call.outcome,
    carrierOutcome: call.carrierOutcome,
    answered: call.script.hangupSmsAnsweredTemplate,
    unanswered: call.script.hangupSmsUnansweredTemplate,
    ...(await outreachState(db, call)),
  });
  if (!decision.send) return { status: "skipped", reason: decision.reason };

  const { text, params } = await renderFor(db, call, decision.content, now);
  const segments = smsSegments(text);
  const chosen = decision.kind === "answered" ? call.script.hangupSmsAnsweredTemplate : call.script.hangupSmsUnansweredTemplate;
  const vendorTemplateId = chosen?.vendorTemplateId ?? null;
  // A provider that sends only its approved templates never gets an unmapped one: recorded as failed, nothing spent.
  const unmapped = Boolean(sms.needsVendorTemplate && !vendorTemplateId);

  const recorded = await db.$transaction(async (tx) => {
    // One company's quota is spent by one message at a time, so two calls ending together cannot overdraw it.
    await tx.$queryRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${`sms-quota:${call.companyId}`}))) AS locked`;
    const existing = await tx.smsMessage.findUnique({ where: { callId: call.id }, select: { id: true, status: true } });
    if (existing) return { id: existing.id, status: existing.status, fresh: false };
    if ((await outreachState(tx, call)).outreachAlreadyTexted) return null;
    const sum = await tx.smsQuotaEntry.aggregate({ where: { companyId: call.companyId }, _sum: { delta: true } });
    const enough = !unmapped && (sum._sum.delta ?? 0) >= segments;
    const message = await tx.smsMessage.create({
      data: {
        companyId: call.companyId,
        patientId: call.patientId,
        callId: call.id,
        templateId: decision.templateId,
        mobile: call.mobile,
        content: text,
        status: enough ? "queued" : "failed",
        error: enough ? null : unmapped ? SMS_TEMPLATE_NOT_MAPPED : INSUFFICIENT_SMS_QUOTA,
        createdAt: now,
      },
      select: { id: true, status: true },
    });
    if (enough) {
      await tx.smsQuotaEntry.create({
        data: { companyId: call.companyId, delta: -segments, reason: "hangupSms", refId: message.id, createdAt: now },
      });
      // 效果分析's SMS cost counts the calls with a message not failed (docs/metrics.md).
      await fileCallFigure(tx, call.id, "smsCalls", 1);
    }
    return { ...message, fresh: true };
  });

  if (!recorded) return { status: "skipped", reason: "outreachAlreadyTexted" };
  if (recorded.status === "queued") {
    return deliver(db, sms, { id: recorded.id, companyId: call.companyId, mobile: call.mobile, content: text, template: { vendorTemplateId, params } }, now);
  }
  if (recorded.status === "failed" && recorded.fresh) return { status: "failed", messageId: recorded.id, reason: unmapped ? SMS_TEMPLATE_NOT_MAPPED : INSUFFICIENT_SMS_QUOTA };
  const again = await db.smsMessage.findUniqueOrThrow({ where: { id: recorded.id }, select: { status: true, error: true } });
  return { status: again.status === "sent" ? "sent" : "failed", messageId: recorded.id, ...(again.error ? { reason: again.error } : {}) };
}

/** Where this call stands in its outreach: whether the task will dial again, and whether another of its calls was texted. */
async function outreachState(db: Tx, call: { id: string; taskId: string; attempt: number }) {
  const [task, later, texted] = await Promise.all([
    db.callTask.findUnique({ where: { id: call.taskId }, select: { status: true } }),
    db.call.count({ where: { taskId: call.taskId, attempt: { gt: call.attempt } } }),
    db.smsMessage.count({ where: { call: { taskId: call.taskId }, callId: { not: call.id } } }),
  ]);
  const open = task?.status === "pending" || task?.status === "dialing" || task?.status === "inCall";
  return { redialPending: open || later > 0, outreachAlreadyTexted: texted > 0 };
}

async function deliver(
  db: PrismaClient,
  sms: SmsPort,
  message: { id: string; companyId: string; mobile: string; content: string; template?: { vendorTemplateId: string | null; params: string[] } },
  now: Date,
): Promise<HangupSmsResult> {
  let sent: { providerMessageId: string };
  try {
    sent = await sms.send({ clientRef: message.id, mobile: message.mobile, content: message.content, ...(message.template ? { template: message.template } : {}) });
  } catch (error) {
    // A provider outage is retried by the caller (the message stays queued); a refusal is final and refunded.
    if (!(error instanceof SmsRejected)) throw error;
    await db.$transaction(async (tx) => {
      const changed = await tx.smsMessage.updateMany({ where: { id: message.id, status: "queued" }, data: { status: "failed", error: error.reason } });
      if (changed.count === 0) return;
      const { callId } = await tx.smsMessage.findUniqueOrThrow({ where: { id: message.id }, select: { callId: true } });
      await fileCallFigure(tx, callId, "smsCalls", -1);
      const spent = await tx.smsQuotaEntry.findFirst({ where: { refId: message.id, reason: "hangupSms" }, select: { delta: true } });
      if (spent) await tx.smsQuotaEntry.create({ data: { companyId: message.companyId, delta: -spent.delta, reason: "hangupSmsRefund", refId: message.id, createdAt: now } });
    });
    return { status: "failed", messageId: message.id, reason: error.reason };
  }
  // A receipt may already have been applied (it can beat this update): only a queued message changes here.
  await db.smsMessage.updateMany({ where: { id: message.id, status: "queued" }, data: { status: "sent", sentAt: now, providerMessageId: sent.providerMessageId } });
  await db.smsMessage.updateMany({ where: { id: message.id, providerMessageId: null }, data: { providerMessageId: sent.providerMessageId } });
  return { status: "sent", messageId: message.id };
}

type CallForSms = {
  patientId: string;
  clinic: { shortName: string; address: string; phone: string | null; timezone: string };
  patient: { name: string; gender: Parameters<typeof callVariableValues>[0]["patient"]["gender"] };
};

/** The message text and, for template-only providers, the template's placeholder values in order. */
async function renderFor(db: PrismaClient, call: CallForSms, content: string, now: Date): Promise<{ text: string; params: string[] }> {
  const data = (await loadPatientCallData(db, [call.patientId], requirementsOf(content), now)).get(call.patientId);
  const callValues = callVariableValues({ patient: call.patient, clinic: call.clinic, ...data }, now, call.clinic.timezone);
  const values = smsPlaceholderValues(callValues, { patientName: call.patient.name, clinicPhone: call.clinic.phone });
  return { text: renderSms(content, values).text, params: smsTemplateParams(content, values) };
}

/** The patient data an SMS template speaks about ({时间} / {appointmentTime} → the next appointment …). */
function requirementsOf(content: string): PatientDataRequirement[] {
  const names = new Set([...content.matchAll(/\{([^{}\s]{1,20})\}/g)].map((m) => m[1]!));
  const needs = new Set<PatientDataRequirement>();
  if (names.has("时间")) needs.add("appointment");
  for (const v of CALL_VARIABLES) {
    if ((names.has(v.key) || names.has(v.label)) && v.requires && v.requires !== "clinic") needs.add(v.requires);
  }
  return [...needs];
}
