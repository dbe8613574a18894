import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TencentCccCarrier } from "@/server/adapters/carrier/tencent-ccc/tencent-ccc-carrier";
import { TencentSms } from "@/server/adapters/sms/tencent/tencent-sms";
import { checkVendorCapacity, formatVendorCapacity } from "@/server/services/vendor/check-vendor-capacity";
import { startFakeTencent, type FakeTencent, type FakeTencentOptions } from "@/tests/fakes/tencent/fake-tencent";

/**
 * Issue 24 item 7: the capacity and configuration check against the fake's DescribeCCCBuyInfoList, DescribeNumbers and
 * SmsPackagesStatistics — a healthy account has no problems; a misconfigured one names each problem; a vendor that
 * refuses our keys is a problem too.
 */
const nowSec = Math.floor(Date.now() / 1000);
const options: FakeTencentOptions = {
  keys: { AKIDcap: "cap-secret" },
  ccc: { sdkAppId: 1400000051 },
  sms: { smsSdkAppId: "1400000052", approvedTemplates: [], packages: [{ amount: 10000, used: 100, expiresAt: nowSec + 200 * 86400 }] },
};
let fake: FakeTencent;
const client = (secretKey = "cap-secret") => ({ credential: { secretId: "AKIDcap", secretKey }, region: "ap-guangzhou", profile: { httpProfile: { endpoint: fake.endpoint, protocol: "http://", reqTimeout: 10 } } });
const ports = (callers: string[], secretKey?: string) => ({
  carrier: new TencentCccCarrier({ client: client(secretKey), sdkAppId: 1400000051, callers, llmType: "openai", llmApiUrl: "u", llmApiKey: "k", voiceType: "ZhiMei", pushUsername: "u", pushPassword: "p" }),
  sms: new TencentSms({ client: client(secretKey), smsSdkAppId: "1400000052", signName: "微笑口腔", callbackToken: "cap-token-0123456789abcdef" }),
});

beforeAll(async () => {
  fake = await startFakeTencent(options);
});
afterAll(async () => {
  await fake?.close();
});

describe("vendor capacity check against the fake", () => {
  it("a healthy account: no problems", async () => {
    const result = await checkVendorCapacity(ports(["02150000000"]), new Date());
    expect(result.calling).toMatchObject({ problems: [], account: { seats: 10 } });
    expect(result.sms).toMatchObject({ problems: [], balance: 9900 });
    expect(formatVendorCapacity(result)).toMatchObject({ problems: 0 });
  });

  it("names no approved outbound number, a caller not in the app, an AI package expiring in 5 days and an SMS balance of 120", async () => {
    options.ccc.account = {
      numbers: [{ Number: "008602150000000", State: 2, CostType: 1 }],
      staffBuyNum: 3,
      packages: [{ PackageId: "pkg-ai", Type: 0, CapacitySize: 10000, CapacityRemain: 6000, EndTime: nowSec + 5 * 86400 - 600 }],
    };
    options.sms.packages = [{ amount: 1000, used: 880, expiresAt: nowSec + 100 * 86400 }];
    const result = await checkVendorCapacity(ports(["02150000000", "02159999999"]), new Date());
    expect(result.calling).toMatchObject({
      problems: [
        { code: "noOutboundNumber" },
        { code: "callerUnusable", number: "02150000000", state: 2 },
        { code: "callerUnusable", number: "02159999999", state: null },
        { code: "callPackageExpiresSoon", days: 5 },
      ],
    });
    expect(result.sms).toMatchObject({ balance: 120, problems: [{ code: "smsBalanceLow", balance: 120 }] });
    const { text, problems } = formatVendorCapacity(result);
    expect(problems).toBe(5);
    expect(text).toContain("没有可外呼的号码");
    expect(text).toContain("外呼套餐包 5 天后到期");
    expect(text).toContain("短信余量 120 条");
  });

  it("a vendor that refuses our keys is reported, not thrown", async () => {
    const result = await checkVendorCapacity(ports([], "wrong-secret"), new Date());
    expect(result.calling).toMatchObject({ error: expect.stringContaining("AuthFailure.SignatureFailure") });
    expect(result.sms).toMatchObject({ error: expect.stringContaining("AuthFailure.SignatureFailure") });
    expect(formatVendorCapacity(result).problems).toBe(2);
  });
});
