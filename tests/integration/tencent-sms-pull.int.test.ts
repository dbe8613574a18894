import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setSmsForTests } from "@/server/adapters/sms";
import { TencentSms } from "@/server/adapters/sms/tencent/tencent-sms";
import { pullSmsStatus, RECEIPT_WAIT_MS } from "@/server/services/sms/pull-sms-status";
import { startFakeTencent, type FakeTencent } from "@/tests/fakes/tencent/fake-tencent";
import { callerFor, seeded, testDb } from "./fixtures";
import { freshMobile } from "./dialer-fixtures";

/**
 * Issue 24 item 6 against the fake Tencent SMS (no receipt callback registered, so receipts arrive only by pulling):
 * PullSmsSendStatus settles messages whose receipt never came, PullSmsReplyStatus turns a TD / 退订 reply into an
 * audited opt-out for the company that texted the number, and linking a Tencent template id checks it with
 * DescribeSmsTemplateList (exists, approved, same number of parameters).
 */
let fake: FakeTencent;
let sms: TencentSms;

beforeAll(async () => {
  fake = await startFakeTencent({
    keys: { AKIDpull: "pull-secret" },
    ccc: { sdkAppId: 1 },
    sms: {
      smsSdkAppId: "1400000077",
      approvedTemplates: ["300001", "300003"],
      templates: {
        "300001": { content: "【{1}】您好，我们刚刚致电您未能接通，如有问题可随时来电咨询。拒收请回复R", statusCode: 0 },
        "300002": { content: "【{1}】您好。拒收请回复R", statusCode: 1 },
        "300003": { content: "【{1}】{2}您好。拒收请回复R", statusCode: 0 },
        "300004": { content: "【{1}】您好。拒收请回复R", statusCode: -1, reviewReply: "签名与内容不符" },
      },
    },
  });
  sms = new TencentSms({
    client: { credential: { secretId: "AKIDpull", secretKey: "pull-secret" }, region: "ap-guangzhou", profile: { httpProfile: { endpoint: fake.endpoint, protocol: "http://", reqTimeout: 10 } } },
    smsSdkAppId: "1400000077",
    signName: "微笑口腔",
    callbackToken: "pull-receipt-token-0123456789",
  });
  setSmsForTests(sms);
});

afterAll(async () => {
  setSmsForTests(undefined);
  await fake?.close();
});

/** Sends one message through the adapter (the fake queues its status) and records it as the product does. */
async function sent(companyId: string, mobile: string, sentAt: Date) {
  const { providerMessageId } = await sms.send({ clientRef: `pull-${mobile}`, mobile, content: "x", template: { vendorTemplateId: "300001", params: ["一店"] } });
  return testDb().smsMessage.create({ data: { companyId, mobile, content: "【一店】您好", status: "sent", sentAt, createdAt: sentAt, providerMessageId } });
}

describe("Tencent SMS pull actions and template check", () => {
  it("PullSmsSendStatus settles receipts that never came (SUCCESS delivered, FAIL failed), only once any is overdue", async () => {
    const s = await seeded();
    const now = new Date();
    const early = new Date(now.getTime() - 2 * 60_000);
    const fresh = await sent(s.a.company.id, freshMobile(), early);
    // Nothing is overdue yet: no pull, the fresh message stays without a receipt.
    const none = await pullSmsStatus(testDb(), sms, now);
    expect(none).toMatchObject({ waiting: 0, receipts: null });

    const late = new Date(now.getTime() - RECEIPT_WAIT_MS - 60_000);
    const okMobile = freshMobile();
    const badMobile = freshMobile();
    fake.sms.failReceipt.add(badMobile);
    const ok = await sent(s.a.company.id, okMobile, late);
    const bad = await sent(s.a.company.id, badMobile, late);
    const pulled = await pullSmsStatus(testDb(), sms, now);
    expect(pulled.waiting).toBeGreaterThanOrEqual(2);
    expect(pulled.receipts).toMatchObject({ delivered: 2, undelivered: 1 }); // the fresh one's receipt came with them
    const rows = await testDb().smsMessage.findMany({ where: { id: { in: [fresh.id, ok.id, bad.id] } } });
    expect(rows.find((r) => r.id === ok.id)).toMatchObject({ status: "sent", deliveredAt: expect.any(Date) });
    expect(rows.find((r) => r.id === fresh.id)?.deliveredAt).not.toBeNull();
    expect(rows.find((r) => r.id === bad.id)).toMatchObject({ status: "failed", deliveredAt: null });
    // Pulled once: a second sweep finds nothing new and changes nothing.
    const again = await pullSmsStatus(testDb(), sms, now);
    expect(again.receipts?.received ?? 0).toBe(0);
  });

  it("PullSmsReplyStatus: a TD / 退订 reply puts the number on the texting company's opt-out list, audited; other replies do nothing", async () => {
    const s = await seeded();
    const db = testDb();
    const now = new Date();
    const optOut = freshMobile();
    const chatty = freshMobile();
    const stranger = freshMobile();
    await sent(s.a.company.id, optOut, new Date(now.getTime() - 3600_000));
    await sent(s.a.company.id, chatty, new Date(now.getTime() - 3600_000));
    fake.sms.reply(optOut, "TD");
    fake.sms.reply(chatty, "好的，周六上午过去");
    fake.sms.reply(stranger, "退订");

    const r = await pullSmsStatus(db, sms, now);
    expect(r).toMatchObject({ replies: 3, optedOut: 1 });
    const entries = await db.dncEntry.findMany({ where: { mobile: { in: [optOut, chatty, stranger] } } });
    expect(entries).toEqual([expect.objectContaining({ companyId: s.a.company.id, mobile: optOut, kind: "optOut", source: "smsReply", triggerSentence: "TD" })]);
    const audit = await db.auditLog.findFirst({ where: { companyId: s.a.company.id, action: "dnc.optOut.add", reason: "smsReply", targetType: "smsMessage" } });
    expect(audit?.data).toMatchObject({ reply: "TD" });
    // Pulled once: nothing is added twice.
    expect((await pullSmsStatus(db, sms, now)).optedOut).toBe(0);
  });

  it("linking a Tencent template id asks DescribeSmsTemplateList: missing, not approved and mismatched parameters are refused", async () => {
    const s = await seeded();
    const asAdmin = await callerFor(s.a.admin.id);
    const template = await testDb().smsTemplate.create({
      data: { companyId: s.a.company.id, name: `回电提醒-${Date.now()}`, content: "【{诊所简称}】您好，我们刚刚致电您未能接通。拒收请回复R", status: "approved" },
    });
    const link = (vendorTemplateId: string) => asAdmin.sms.setVendorTemplate({ id: template.id, vendorTemplateId });
    await expect(link("399999")).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("没有这个模板ID") });
    await expect(link("300002")).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("审核中") });
    await expect(link("300004")).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("签名与内容不符") });
    await expect(link("300003")).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("本模板有 1 个变量，腾讯云模板有 2 个") });
    expect((await testDb().smsTemplate.findUniqueOrThrow({ where: { id: template.id } })).vendorTemplateId).toBeNull();
    await link("300001");
    expect((await testDb().smsTemplate.findUniqueOrThrow({ where: { id: template.id } })).vendorTemplateId).toBe("300001");
  });
});
