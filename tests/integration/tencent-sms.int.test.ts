import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as receiptsRoute } from "@/app/api/sms/receipts/route";
import { simulatorStorage } from "@/server/adapters/carrier/simulator";
import { setSmsForTests } from "@/server/adapters/sms";
import { TencentSms } from "@/server/adapters/sms/tencent/tencent-sms";
import { setStorageForTests } from "@/server/adapters/storage";
import { SMS_TEMPLATE_NOT_MAPPED } from "@/server/services/sms/send-hangup-sms";
import { startFakeTencent, type FakeTencent } from "@/tests/fakes/tencent/fake-tencent";
import { MemoryStorage } from "@/tests/support/memory-storage";
import { CarrierHarness, NO_FAULTS, createSmsScript, simMobile, useTempDataDir } from "./carrier-fixtures";
import { createDialerCompany, createPatients, shanghai } from "./dialer-fixtures";
import { testDb } from "./fixtures";

/**
 * Hang-up SMS through the Tencent SMS adapter against the fake: vendor template ids, the unmapped template that is
 * never sent, and receipts (duplicated, batched) through the real /api/sms/receipts route — applied once.
 */
const TOKEN = "int-receipt-token-0123456789";
let fake: FakeTencent;
let receiver: Server;
let cleanUp: () => Promise<void>;
let company: Awaited<ReturnType<typeof createDialerCompany>>;
const statuses: number[] = [];

beforeAll(async () => {
  cleanUp = await useTempDataDir();
  setStorageForTests(new MemoryStorage());
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const answer = await receiptsRoute(new Request(`http://app.test${req.url}`, { method: "POST", headers: { "content-type": "application/json" }, body: Buffer.concat(chunks) }));
      statuses.push(answer.status);
      res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const port = (receiver.address() as AddressInfo).port;
  fake = await startFakeTencent({
    keys: { AKIDint: "int-secret" },
    ccc: { sdkAppId: 1 },
    sms: { smsSdkAppId: "1400000002", approvedTemplates: ["100001"], callbackUrl: `http://127.0.0.1:${port}/api/sms/receipts?token=${TOKEN}`, duplicate: true, receiptDelayMs: 50 },
  });
  setSmsForTests(
    new TencentSms({
      client: { credential: { secretId: "AKIDint", secretKey: "int-secret" }, region: "ap-guangzhou", profile: { httpProfile: { endpoint: fake.endpoint, protocol: "http://", reqTimeout: 10 } } },
      smsSdkAppId: "1400000002",
      signName: "微笑口腔",
      callbackToken: TOKEN,
    }),
  );
  // One attempt per task: the hang-up SMS goes after an outreach's last attempt, and these tests read it right away.
  company = await createDialerCompany("tsms", { redialMaxAttempts: 1 });
});

afterAll(async () => {
  setSmsForTests(undefined);
  setStorageForTests(undefined);
  await fake?.close();
  await new Promise<void>((r) => receiver.close(() => r()));
  await cleanUp();
});

async function dialOne(harness: CarrierHarness, mobile: string) {
  const script = await createSmsScript(company.companyId, company.clinicIds);
  const [patient] = await createPatients(company.companyId, company.clinicIds[0]!, 1, { mobile });
  await harness.dial(company.companyId, script.id, [patient!.id]);
  await harness.run(200);
  await new Promise((r) => setTimeout(r, 200));
  await fake.pusher.idle();
  return testDb().call.findFirstOrThrow({ where: { scriptId: script.id }, include: { smsMessage: true } });
}

const quota = async () => (await testDb().smsQuotaEntry.aggregate({ where: { companyId: company.companyId }, _sum: { delta: true } }))._sum.delta ?? 0;

describe("hang-up SMS through Tencent SMS", () => {
  it("never sends a template without a vendor template id: failed with the reason, nothing spent", async () => {
    const db = testDb();
    await db.smsTemplate.updateMany({ where: { companyId: company.companyId }, data: { vendorTemplateId: null } });
    const before = await quota();
    const sentBefore = fake.sms.sent.length;
    const harness = new CarrierHarness(shanghai(10), NO_FAULTS, simulatorStorage());
    const uninstall = harness.install();
    try {
      const call = await dialOne(harness, simMobile(0, "20"));
      expect(call.outcome).toBe("answered");
      expect(call.smsMessage).toMatchObject({ status: "failed", error: SMS_TEMPLATE_NOT_MAPPED });
      expect(await quota()).toBe(before);
      expect(fake.sms.sent.length).toBe(sentBefore);
    } finally {
      uninstall();
    }
  }, 60_000);

  it("sends the linked template; duplicated receipts mark it delivered once; a FAIL receipt fails it and refunds once", async () => {
    const db = testDb();
    await db.smsTemplate.updateMany({ where: { companyId: company.companyId, status: "approved" }, data: { vendorTemplateId: "100001" } });
    const harness = new CarrierHarness(shanghai(11), NO_FAULTS, simulatorStorage());
    const uninstall = harness.install();
    try {
      const ok = await dialOne(harness, simMobile(0, "21"));
      expect(ok.smsMessage).toMatchObject({ status: "sent" });
      expect(ok.smsMessage!.providerMessageId).toBe(fake.sms.sent.at(-1)!.serialNo);
      expect(fake.sms.sent.at(-1)).toMatchObject({ templateId: "100001", sessionContext: ok.smsMessage!.id });
      expect(ok.smsMessage!.deliveredAt).not.toBeNull();

      const unlucky = simMobile(0, "55");
      fake.sms.failReceipt.add(unlucky);
      const before = await quota();
      const failed = await dialOne(harness, unlucky);
      expect(failed.outcome).toBe("noAnswer");
      expect(failed.smsMessage).toMatchObject({ status: "failed", error: "undelivered:MK:0001", deliveredAt: null });
      const refunds = await db.smsQuotaEntry.findMany({ where: { refId: failed.smsMessage!.id, reason: "hangupSmsRefund" } });
      expect(refunds).toHaveLength(1); // the duplicated FAIL receipt refunded once
      expect(await quota()).toBe(before); // spent, then refunded
      expect(statuses.every((s) => s === 200)).toBe(true);
    } finally {
      uninstall();
    }
  }, 60_000);

  it("refuses receipts without the token (401) and changes nothing", async () => {
    const res = await receiptsRoute(new Request("http://app.test/api/sms/receipts?token=guess", { method: "POST", body: JSON.stringify([{ sid: "x", report_status: "FAIL" }]) }));
    expect(res.status).toBe(401);
  });
});
