import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidSmsCallback, SmsRejected, type SmsReceipt } from "@/server/ports/sms";
import { startFakeTencent, type FakeTencent, type FakeTencentOptions } from "@/tests/fakes/tencent/fake-tencent";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseBeijingTime, receiptOf, sendCodeOutcome } from "./sms-mapping";
import { TencentSms, type TencentSmsConfig } from "./tencent-sms";

const KEYS = { AKIDsms: "sms-secret-key" };
const TOKEN = "receipt-token-0123456789";
let fake: FakeTencent;
let receiver: Server;
let adapter: TencentSms;
const receipts: { status: number; receipts: SmsReceipt[] }[] = [];
const options: FakeTencentOptions = {
  keys: KEYS,
  ccc: { sdkAppId: 1 },
  sms: { smsSdkAppId: "1400000002", approvedTemplates: ["100001"], duplicate: true, receiptDelayMs: 50 },
};
const config = (over: Partial<TencentSmsConfig> = {}, secretKey = KEYS.AKIDsms): TencentSmsConfig => ({
  client: { credential: { secretId: "AKIDsms", secretKey }, region: "ap-guangzhou", profile: { httpProfile: { endpoint: fake.endpoint, protocol: "http://", reqTimeout: 10 } } },
  smsSdkAppId: "1400000002",
  signName: "微笑口腔",
  callbackToken: TOKEN,
  ...over,
});
const template = (id: string | null, params = ["静安店"]) => ({ vendorTemplateId: id, params });

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        const parsed = adapter.parseReceipts(new Headers(), Buffer.concat(chunks).toString("utf8"), new URL(req.url!, "http://127.0.0.1"));
        receipts.push({ status: 200, receipts: parsed });
        res.writeHead(200).end(JSON.stringify({ result: 0, errmsg: "OK" }));
      } catch (e) {
        receipts.push({ status: 401, receipts: [] });
        res.writeHead(e instanceof InvalidSmsCallback ? 401 : 500).end(JSON.stringify({ result: 1, errmsg: String(e) }));
      }
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  options.sms.callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/sms/receipts?token=${TOKEN}`;
  fake = await startFakeTencent(options);
  adapter = new TencentSms(config());
});

afterAll(async () => {
  await fake?.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});

describe("Tencent SMS mapping", () => {
  it.each([
    ["Ok", true],
    ["InvalidParameterValue.IncorrectPhoneNumber", "invalidNumber"],
    ["FailedOperation.TemplateIncorrectOrUnapproved", "templateRejected"],
    ["FailedOperation.SignatureIncorrectOrUnapproved", "templateRejected"],
    ["FailedOperation.ContainSensitiveWord", "contentRejected"],
    ["FailedOperation.PhoneNumberInBlacklist", "optedOut"],
    ["FailedOperation.InsufficientBalanceInSmsPackage", "insufficientBalance"],
    ["LimitExceeded.PhoneNumberDailyLimit", "rateLimited"],
    ["LimitExceeded.DeliveryFrequencyLimit", "rateLimited"],
    ["AuthFailure.SignatureFailure", "unavailable"],
    ["InternalError.Timeout", "retry"],
    ["RequestLimitExceeded", "retry"],
    // issue 24: arrears is "no balance", and a clock off by 10 minutes is never retried forever
    ["UnauthorizedOperation.SerivceSuspendDueToArrears", "insufficientBalance"],
    ["InternalError.RequestTimeException", "unavailable"],
    ["FailedOperation.TemplateParamSetNotMatchApprovedTemplate", "templateRejected"],
    ["LimitExceeded.PhoneNumberThirtySecondLimit", "rateLimited"],
  ])("SendStatus %s → %s", (code, expected) => {
    const o = sendCodeOutcome(code);
    expect(o.ok === true ? true : o.ok === "retry" ? "retry" : o.reason).toBe(expected);
  });

  it("reads a receipt (Beijing time) and ignores a malformed one", () => {
    expect(parseBeijingTime("2015-10-17 08:03:04", new Date(0)).toISOString()).toBe("2015-10-17T00:03:04.000Z");
    expect(receiptOf({ sid: "x", report_status: "FAIL", errmsg: "MK:0001", user_receive_time: "2015-10-17 08:03:04" }, new Date(0))).toMatchObject({ delivered: false, code: "MK:0001" });
    expect(receiptOf({ sid: "x", report_status: "??" }, new Date(0))).toBeNull();
  });
});

describe("Tencent SMS adapter ⇄ fake SMS", { timeout: 20_000 }, () => {
  it("sends an approved template with its parameters and our id as SessionContext; receipts come back duplicated", async () => {
    const { providerMessageId } = await adapter.send({ clientRef: "msg1", mobile: "13712340212", content: "【微笑口腔】静安店提醒您", template: template("100001") });
    expect(fake.sms.sent.at(-1)).toMatchObject({ serialNo: providerMessageId, phone: "+8613712340212", templateId: "100001", params: ["静安店"], sessionContext: "msg1", signName: "微笑口腔" });
    await new Promise((r) => setTimeout(r, 100));
    await fake.pusher.idle();
    const mine = receipts.flatMap((r) => r.receipts).filter((r) => r.providerMessageId === providerMessageId);
    expect(mine.length).toBe(2);
    expect(mine.every((r) => r.delivered && r.code === "DELIVRD")).toBe(true);
  });

  it("never sends an unmapped template", async () => {
    const before = fake.sms.sent.length;
    await expect(adapter.send({ clientRef: "m2", mobile: "13712340212", content: "x", template: template(null) })).rejects.toMatchObject({ reason: "templateNotMapped" });
    await expect(adapter.send({ clientRef: "m2", mobile: "13712340212", content: "x" })).rejects.toBeInstanceOf(SmsRejected);
    expect(fake.sms.sent.length).toBe(before);
  });

  it("maps the vendor's refusals", async () => {
    await expect(adapter.send({ clientRef: "m3", mobile: "13712340212", content: "x", template: template("999999") })).rejects.toMatchObject({ reason: "templateRejected" });
    fake.sms.codeOverride.set("13712340299", "LimitExceeded.PhoneNumberDailyLimit");
    await expect(adapter.send({ clientRef: "m4", mobile: "13712340299", content: "x", template: template("100001") })).rejects.toMatchObject({ reason: "rateLimited" });
    fake.failNext("SendSms", "FailedOperation.InsufficientBalanceInSmsPackage");
    await expect(adapter.send({ clientRef: "m5", mobile: "13712340212", content: "x", template: template("100001") })).rejects.toMatchObject({ reason: "insufficientBalance" });
    fake.failNext("SendSms", "InternalError.Timeout");
    const outage = await adapter.send({ clientRef: "m6", mobile: "13712340212", content: "x", template: template("100001") }).catch((e: unknown) => e);
    expect(outage).not.toBeInstanceOf(SmsRejected); // stays queued for the retry
  });

  it("refuses a wrong key with the documented code, and receipts without our token", async () => {
    await expect(new TencentSms(config({}, "wrong")).send({ clientRef: "m7", mobile: "13712340212", content: "x", template: template("100001") })).rejects.toMatchObject({
      reason: "unavailable",
      message: expect.stringContaining("AuthFailure.SignatureFailure"),
    });
    expect(() => adapter.parseReceipts(new Headers(), "[]", new URL("http://x/api/sms/receipts?token=guess"))).toThrow(InvalidSmsCallback);
    expect(() => adapter.parseReceipts(new Headers(), "[]", new URL("http://x/api/sms/receipts"))).toThrow(InvalidSmsCallback);
  });
});
