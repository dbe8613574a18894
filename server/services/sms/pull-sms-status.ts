import type { PrismaClient } from "@/server/db/create-client";
import { isOptOutReply } from "@/server/domain/sms/reply-opt-out";
import type { SmsPort, SmsReply } from "@/server/ports/sms";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { applySmsReceipts, type ApplyReceiptsResult } from "./apply-sms-receipts";

/** A sent message whose receipt has not come this long after sending is looked for with PullSmsSendStatus. */
export const RECEIPT_WAIT_MS = 10 * 60_000;
/** A reply opts out of the companies that texted that number within this window. */
const REPLY_WINDOW_MS = 30 * 24 * 3600_000;

export interface PullSmsStatusResult {
  /** Sent messages still without a receipt after RECEIPT_WAIT_MS (what made us pull). */
  waiting: number;
  receipts: ApplyReceiptsResult | null;
  replies: number;
  /** Opt-out list entries added from replies (one per company and number). */
  optedOut: number;
}

/**
 * The SMS vendor's pull actions as a fallback (a cron, docs/carrier.md): receipts the callback never brought, and the
 * patients' replies — a TD / 退订 reply puts the number on the opt-out list of every company that texted it recently,
 * audited like an opt-out said on a call. Each pulled item is applied idempotently (the vendor hands each out once).
 */
export async function pullSmsStatus(db: PrismaClient, sms: SmsPort, now: Date): Promise<PullSmsStatusResult> {
  const result: PullSmsStatusResult = { waiting: 0, receipts: null, replies: 0, optedOut: 0 };
  if (sms.pullReceipts) {
    result.waiting = await db.smsMessage.count({
      where: { status: "sent", deliveredAt: null, providerMessageId: { not: null }, sentAt: { lte: new Date(now.getTime() - RECEIPT_WAIT_MS), gte: new Date(now.getTime() - REPLY_WINDOW_MS) } },
    });
    if (result.waiting > 0) result.receipts = await applySmsReceipts(db, await sms.pullReceipts(), now);
  }
  if (sms.pullReplies) {
    const replies = await sms.pullReplies();
    result.replies = replies.length;
    for (const reply of replies) if (isOptOutReply(reply.content)) result.optedOut += await optOutByReply(db, reply, now);
  }
  return result;
}

async function optOutByReply(db: PrismaClient, reply: SmsReply, now: Date): Promise<number> {
  const texted = await db.smsMessage.findMany({
    where: { mobile: reply.mobile, status: "sent", sentAt: { gte: new Date(reply.at.getTime() - REPLY_WINDOW_MS) } },
    select: { companyId: true, id: true },
    orderBy: { sentAt: "desc" },
  });
  const companies = new Map<string, string>();
  for (const m of texted) if (!companies.has(m.companyId)) companies.set(m.companyId, m.id);
  let added = 0;
  for (const [companyId, messageId] of companies) {
    const content = reply.content.trim().slice(0, 200);
    added += await db.$transaction(async (tx) => {
      const created = await tx.dncEntry.createMany({
        data: [{ companyId, kind: "optOut", mobile: reply.mobile, reason: "短信回复退订", source: "smsReply", triggerSentence: content, createdAt: now }],
        skipDuplicates: true,
      });
      if (created.count === 0) return 0;
      await writeAuditLog(tx, {
        companyId,
        actorId: null,
        action: "dnc.optOut.add",
        targetType: "smsMessage",
        targetId: messageId,
        reason: "smsReply",
        data: { reply: content, repliedAt: reply.at.toISOString() },
      });
      return 1;
    });
  }
  return added;
}
