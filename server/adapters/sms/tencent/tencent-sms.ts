import { createHash, timingSafeEqual } from "node:crypto";
import { sms } from "tencentcloud-sdk-nodejs-sms";
import type { TencentClientOptions } from "@/server/adapters/tencent/tencent-settings";
import { InvalidSmsCallback, SmsRejected, type SendSmsInput, type SmsPort, type SmsReceipt, type SmsReply, type VendorSmsTemplate } from "@/server/ports/sms";
import { receiptOf, sendCodeOutcome, toE164 } from "./sms-mapping";
import type { SmsAccount } from "@/server/domain/vendor/capacity-problems";

type SmsClient = InstanceType<typeof sms.v20210111.Client>;

export interface TencentSmsConfig {
  client: TencentClientOptions;
  smsSdkAppId: string;
  signName: string;
  /** Secret carried in the receipt callback URL registered in the SMS console (`…/api/sms/receipts?token=…`). */
  callbackToken: string;
  now?: () => Date;
}

/**
 * Tencent Cloud SMS behind our SmsPort (official tencentcloud-sdk-nodejs-sms, SendSms 2021-01-11). Only approved
 * vendor templates can be sent, so a message goes out as TemplateId + TemplateParamSet; our SmsMessage id travels as
 * SessionContext. Receipts arrive at /api/sms/receipts (短信下发状态回调).
 */
export class TencentSms implements SmsPort {
  readonly needsVendorTemplate = true;
  private readonly client: SmsClient;
  private readonly now: () => Date;

  constructor(private readonly config: TencentSmsConfig) {
    this.client = new sms.v20210111.Client(config.client);
    this.now = config.now ?? (() => new Date());
  }

  async send(input: SendSmsInput): Promise<{ providerMessageId: string }> {
    const templateId = input.template?.vendorTemplateId;
    if (!templateId) throw new SmsRejected("templateNotMapped", "短信模板未关联腾讯云模板ID，不能发送");
    if (!/^1[3-9]\d{9}$/.test(input.mobile)) throw new SmsRejected("invalidNumber", `号码格式不正确: ${input.mobile}`);
    let res;
    try {
      res = await this.client.SendSms({
        SmsSdkAppId: this.config.smsSdkAppId,
        SignName: this.config.signName,
        TemplateId: templateId,
        TemplateParamSet: input.template!.params,
        PhoneNumberSet: [toE164(input.mobile)],
        SessionContext: input.clientRef,
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      const outcome = sendCodeOutcome(code);
      if (outcome.ok === false) throw new SmsRejected(outcome.reason, `${code}: ${(error as Error).message}`);
      throw error; // network failure or an internal error: the message stays queued and is retried
    }
    const status = res.SendStatusSet?.[0];
    const outcome = sendCodeOutcome(status?.Code);
    if (outcome.ok === true && status?.SerialNo) return { providerMessageId: status.SerialNo };
    if (outcome.ok === false) throw new SmsRejected(outcome.reason, `${status?.Code}: ${status?.Message ?? ""}`);
    throw new Error(`SendSms answered ${status?.Code ?? "without a status"}`);
  }

  /**
   * Tencent does not sign SMS receipts (the callback documents no authentication), so the URL registered in the
   * console carries our secret token; it is compared in constant time.
   */
  parseReceipts(_headers: Headers, rawBody: string, url: URL): SmsReceipt[] {
    const digest = (s: string) => createHash("sha256").update(s).digest();
    if (!timingSafeEqual(digest(url.searchParams.get("token") ?? ""), digest(this.config.callbackToken))) throw new InvalidSmsCallback("bad token");
    let items: unknown;
    try {
      items = JSON.parse(rawBody);
    } catch {
      throw new InvalidSmsCallback("receipt body is not JSON", "payload");
    }
    const list: unknown[] = Array.isArray(items) ? items : [items];
    return list.map((item) => receiptOf(item, this.now())).filter((r) => r !== null);
  }

  /**
   * PullSmsSendStatus (SmsSdkAppId, Limit ≤ 100; https://www.tencentcloud.com/document/api/382/40519): statuses not yet
   * pulled, pages of 100 until a short page. Tencent hands each status out once and documents that the pull must be
   * enabled for the app (短信小助手) — without it the answer is empty and only the callback brings receipts.
   */
  async pullReceipts(): Promise<SmsReceipt[]> {
    const out: SmsReceipt[] = [];
    for (let page = 0; page < 10; page++) {
      const res = await this.client.PullSmsSendStatus({ SmsSdkAppId: this.config.smsSdkAppId, Limit: PULL_LIMIT });
      const list = res.PullSmsSendStatusSet ?? [];
      for (const s of list) {
        if (!s.SerialNo || (s.ReportStatus !== "SUCCESS" && s.ReportStatus !== "FAIL")) continue;
        out.push({
          providerMessageId: s.SerialNo,
          delivered: s.ReportStatus === "SUCCESS",
          at: s.UserReceiveTime ? new Date(s.UserReceiveTime * 1000) : this.now(),
          code: s.ReportStatus === "SUCCESS" ? "DELIVRD" : "FAIL",
          description: s.Description ?? "",
        });
      }
      if (list.length < PULL_LIMIT) break;
    }
    return out;
  }

  /** PullSmsReplyStatus (SmsSdkAppId, Limit ≤ 100; https://www.tencentcloud.com/document/api/382/40521): replies not yet pulled
   * ("拉取过的内容不会再重复返回，可以理解为消息队列机制": https://cloud.tencent.com/document/product/382/5810). */
  async pullReplies(): Promise<SmsReply[]> {
    const out: SmsReply[] = [];
    for (let page = 0; page < 10; page++) {
      const res = await this.client.PullSmsReplyStatus({ SmsSdkAppId: this.config.smsSdkAppId, Limit: PULL_LIMIT });
      const list = res.PullSmsReplyStatusSet ?? [];
      for (const r of list) {
        const mobile = r.SubscriberNumber || r.PhoneNumber?.replace(/^\+86/, "");
        if (!mobile || typeof r.ReplyContent !== "string") continue;
        out.push({ mobile, content: r.ReplyContent, at: r.ReplyTime ? new Date(r.ReplyTime * 1000) : this.now() });
      }
      if (list.length < PULL_LIMIT) break;
    }
    return out;
  }

  /**
   * DescribeSmsTemplateList (International 0, TemplateIdSet; https://www.tencentcloud.com/document/api/382/40524):
   * StatusCode 0 = 审核通过且已生效 (the only state that can be sent), 1 审核中, 2 审核通过待生效, -1 未通过.
   */
  /**
   * SmsPackagesStatistics (SmsSdkAppId, Limit ≤ 500, Offset, BeginTime / EndTime yyyymmddhh — packages created in that
   * window, EndTime "必须大于 BeginTime 且小于当前时间"; https://cloud.tencent.com/document/api/382/55964): packages
   * created in the last 3 years.
   */
  async describeAccount(): Promise<SmsAccount> {
    const now = this.now();
    const res = await this.client.SmsPackagesStatistics({
      SmsSdkAppId: this.config.smsSdkAppId,
      Limit: 500,
      Offset: 0,
      BeginTime: hourStamp(new Date(now.getTime() - 3 * 365 * 86400_000)),
      EndTime: hourStamp(new Date(now.getTime() - 3600_000)),
    });
    return {
      packages: (res.SmsPackagesStatisticsSet ?? []).map((p) => ({ id: String(p.PackageId ?? ""), amount: p.PackageAmount ?? 0, used: p.CurrentUsage ?? 0, expiresAt: p.PackageExpiredTime ?? 0 })),
    };
  }

  async describeTemplate(vendorTemplateId: string): Promise<VendorSmsTemplate | null> {
    if (!/^\d{1,12}$/.test(vendorTemplateId)) return null;
    const res = await this.client.DescribeSmsTemplateList({ International: 0, TemplateIdSet: [Number(vendorTemplateId)] });
    const t = (res.DescribeTemplateStatusSet ?? []).find((x) => String(x.TemplateId) === vendorTemplateId);
    if (!t) return null;
    const code = t.StatusCode;
    const status = code === 0 ? "approved" : code === 1 ? "reviewing" : code === 2 ? "approvedNotEffective" : `rejected${t.ReviewReply ? `: ${t.ReviewReply}` : ""}`;
    const content = t.TemplateContent ?? "";
    return { id: vendorTemplateId, approved: code === 0, status, content, paramCount: new Set(content.match(/\{\d+\}/g) ?? []).size };
  }
}

/** yyyymmddhh in Beijing time, as SmsPackagesStatistics takes BeginTime / EndTime. */
const hourStamp = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 13).replace(/[-T]/g, "");

/** PullSmsSendStatus / PullSmsReplyStatus: "拉取最大条数，最多100条". */
const PULL_LIMIT = 100;
