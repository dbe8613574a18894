import type { PrismaClient } from "@/server/db/create-client";
import type { SmsReceipt } from "@/server/ports/sms";
import { fileCallFigure } from "@/server/services/metrics/call-totals";

export interface ApplyReceiptsResult {
  received: number;
  delivered: number;
  undelivered: number;
  /** Duplicates, receipts for messages already final, and receipts for messages that are not ours. */
  unchanged: number;
}

/** SmsMessage.error prefix of a message the operator reported as not delivered, e.g. "undelivered:MK:0001". */
export const UNDELIVERED = "undelivered";

/**
 * Applies SMS delivery receipts (at least once, any order). Each is a guarded state change on the message with that
 * provider id, so a duplicate or a late copy changes nothing: SUCCESS sets deliveredAt once; FAIL marks a message that
 * was not yet final as failed and refunds the segments it cost, exactly once.
 */
export async function applySmsReceipts(db: PrismaClient, receipts: readonly SmsReceipt[], now: Date = new Date()): Promise<ApplyReceiptsResult> {
  const result: ApplyReceiptsResult = { received: receipts.length, delivered: 0, undelivered: 0, unchanged: 0 };
  for (const r of receipts) {
    if (r.delivered) {
      const { count } = await db.smsMessage.updateMany({
        where: { providerMessageId: r.providerMessageId, status: { in: ["queued", "sent"] }, deliveredAt: null },
        data: { status: "sent", deliveredAt: r.at },
      });
      if (count) result.delivered++;
      else result.unchanged++;
      continue;
    }
    const refunded = await db.$transaction(async (tx) => {
      const message = await tx.smsMessage.findUnique({ where: { providerMessageId: r.providerMessageId }, select: { id: true, companyId: true, callId: true } });
      if (!message) return false;
      const changed = await tx.smsMessage.updateMany({
        where: { id: message.id, status: { in: ["queued", "sent"] }, deliveredAt: null },
        data: { status: "failed", error: `${UNDELIVERED}:${r.code || "FAIL"}`.slice(0, 120) },
      });
      if (changed.count === 0) return false;
      const spent = await tx.smsQuotaEntry.findFirst({ where: { refId: message.id, reason: "hangupSms" }, select: { delta: true } });
      if (spent) await tx.smsQuotaEntry.create({ data: { companyId: message.companyId, delta: -spent.delta, reason: "hangupSmsRefund", refId: message.id, createdAt: now } });
      await fileCallFigure(tx, message.callId, "smsCalls", -1);
      return true;
    });
    if (refunded) result.undelivered++;
    else result.unchanged++;
  }
  return result;
}
