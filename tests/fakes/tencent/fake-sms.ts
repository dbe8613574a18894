import { randomUUID } from "node:crypto";
import { ApiError } from "./fake-ccc";
import type { Pusher } from "./pusher";

export interface FakeSmsOptions {
  smsSdkAppId: string;
  /** Template ids approved in the SMS console. */
  approvedTemplates: string[];
  /** The 回执 callback URL registered in the console (ours carries a token). */
  callbackUrl?: string;
  /** Push each receipt twice and in batches (at least once, unordered — on purpose). */
  duplicate?: boolean;
  receiptDelayMs?: number;
  /**
   * Templates as the console holds them (DescribeSmsTemplateList): id → content ({1}, {2} … placeholders) and
   * StatusCode (0 审核通过且已生效, 1 审核中, 2 审核通过待生效, -1 未通过; default 0 for approved ids, else 1).
   */
  templates?: Record<string, { content: string; statusCode?: number; reviewReply?: string }>;
  /** SMS packages (SmsPackagesStatistics): amount, used, and expiry (unix seconds). */
  packages?: { amount: number; used: number; expiresAt: number }[];
}

export interface SentSms {
  serialNo: string;
  phone: string;
  templateId: string;
  params: string[];
  sessionContext: string;
  signName: string;
}

/** Beijing wall-clock time, as user_receive_time is written. */
const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace("T", " ").slice(0, 19);

/**
 * Tencent SMS's side (API 2021-01-11): SendSms, the pull actions and the receipt callback.
 * - PullSmsSendStatus (Limit ≤ 100, SmsSdkAppId; https://www.tencentcloud.com/document/api/382/40519) and
 *   PullSmsReplyStatus (https://www.tencentcloud.com/document/api/382/40521) hand each item out once ("拉取过的内容不会再
 *   重复返回，可以理解为消息队列机制": https://cloud.tencent.com/document/product/382/5810). PullSmsReplyStatus items:
 *   ExtendCode, CountryCode, PhoneNumber (+86…), SignName, ReplyContent, ReplyTime (unix s), SubscriberNumber.
 * - DescribeSmsTemplateList (International, TemplateIdSet; https://www.tencentcloud.com/document/api/382/40524):
 *   DescribeTemplateStatusSet of {TemplateId, International, StatusCode, ReviewReply, TemplateName, CreateTime,
 *   TemplateContent}; an id the account does not have is simply absent.
 * - SmsPackagesStatistics (SmsSdkAppId, Limit, Offset, BeginTime/EndTime yyyymmddhh;
 *   https://cloud.tencent.com/document/api/382/55964): SmsPackagesStatisticsSet of {PackageCreateTime,
 *   PackageEffectiveTime, PackageExpiredTime, PackageAmount, PackageType, PackageId, CurrentUsage}.
 */
export class FakeSms {
  readonly sent: SentSms[] = [];
  /** Tests force a per-number SendStatus code, or a final FAIL receipt. */
  readonly codeOverride = new Map<string, string>();
  readonly failReceipt = new Set<string>();
  /** Mobiles whose receipt callback is never pushed (the status is still there for PullSmsSendStatus). */
  readonly lostReceipt = new Set<string>();
  private replies: Record<string, unknown>[] = [];
  private unpulled: Record<string, unknown>[] = [];
  private batch: Record<string, unknown>[] = [];
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly opts: FakeSmsOptions,
    private readonly pusher: Pusher,
    private readonly nowMs: () => number = Date.now,
  ) {}

  setTemplate(id: string, content: string, statusCode = 0) {
    (this.opts.templates ??= {})[id] = { content, statusCode };
  }

  /** A patient replies to our signature (what PullSmsReplyStatus hands out next). */
  reply(mobile: string, content: string, signName = "") {
    this.replies.push({ ExtendCode: "", CountryCode: "86", PhoneNumber: `+86${mobile}`, SignName: signName, ReplyContent: content, ReplyTime: Math.floor(this.nowMs() / 1000), SubscriberNumber: mobile });
  }

  handle(action: string, req: Record<string, unknown>): Record<string, unknown> {
    if (action === "DescribeSmsTemplateList") return this.describeTemplates(req);
    if (String(req.SmsSdkAppId) !== this.opts.smsSdkAppId) throw new ApiError("UnauthorizedOperation.SmsSdkAppIdVerifyFail", "SmsSdkAppId 校验失败");
    if (action === "PullSmsSendStatus") {
      const out = this.unpulled.splice(0, Math.min(100, Number(req.Limit ?? 100)));
      return { PullSmsSendStatusSet: out };
    }
    if (action === "PullSmsReplyStatus") {
      if (!(Number(req.Limit) >= 1 && Number(req.Limit) <= 100)) throw new ApiError("InvalidParameterValue", "Limit 最多100条");
      return { PullSmsReplyStatusSet: this.replies.splice(0, Number(req.Limit)) };
    }
    if (action === "SmsPackagesStatistics") {
      for (const k of ["Limit", "Offset", "BeginTime", "EndTime"]) if (req[k] === undefined) throw new ApiError("MissingParameter", `The request is missing a required parameter \`${k}\`.`);
      const set = (this.opts.packages ?? []).map((p, i) => ({
        PackageCreateTime: p.expiresAt - 365 * 86400,
        PackageEffectiveTime: p.expiresAt - 365 * 86400,
        PackageExpiredTime: p.expiresAt,
        PackageAmount: p.amount,
        PackageType: 1,
        PackageId: 100 + i,
        CurrentUsage: p.used,
      }));
      return { SmsPackagesStatisticsSet: set.slice(Number(req.Offset), Number(req.Offset) + Number(req.Limit)) };
    }
    if (action !== "SendSms") throw new ApiError("InvalidAction", `The action ${action} is not implemented by the fake`);
    if (!req.SignName) throw new ApiError("FailedOperation.SignatureIncorrectOrUnapproved", "签名未审批或格式错误");
    if (!this.opts.approvedTemplates.includes(String(req.TemplateId))) throw new ApiError("FailedOperation.TemplateIncorrectOrUnapproved", "模板未审批或内容不匹配");
    const phones = (req.PhoneNumberSet as string[] | undefined) ?? [];
    if (phones.length === 0 || phones.length > 200) throw new ApiError("LimitExceeded.PhoneNumberCountLimit", "手机号个数超过限制");
    const SendStatusSet = phones.map((phone) => {
      const mobile = phone.replace(/^(\+86|0086|86)/, "");
      const code = this.codeOverride.get(mobile) ?? (/^1[3-9]\d{9}$/.test(mobile) ? "Ok" : "InvalidParameterValue.IncorrectPhoneNumber");
      if (code !== "Ok") return { SerialNo: "", PhoneNumber: phone, Fee: 0, SessionContext: String(req.SessionContext ?? ""), Code: code, Message: code, IsoCode: "CN" };
      const serialNo = `2640:${randomUUID().replace(/-/g, "").slice(0, 20)}`;
      this.sent.push({ serialNo, phone, templateId: String(req.TemplateId), params: (req.TemplateParamSet as string[]) ?? [], sessionContext: String(req.SessionContext ?? ""), signName: String(req.SignName) });
      this.receipt(serialNo, mobile, String(req.SessionContext ?? ""));
      return { SerialNo: serialNo, PhoneNumber: phone, Fee: 1, SessionContext: String(req.SessionContext ?? ""), Code: "Ok", Message: "send success", IsoCode: "CN" };
    });
    return { SendStatusSet };
  }

  private describeTemplates(req: Record<string, unknown>) {
    if (req.International === undefined) throw new ApiError("MissingParameter", "The request is missing a required parameter `International`.");
    const ids = ((req.TemplateIdSet as number[] | undefined) ?? []).map(String);
    const known = { ...Object.fromEntries(this.opts.approvedTemplates.map((id) => [id, { content: "", statusCode: 0 }])), ...(this.opts.templates ?? {}) };
    const set = ids
      .filter((id) => known[id])
      .map((id) => {
        const t = known[id]!;
        const statusCode = t.statusCode ?? (this.opts.approvedTemplates.includes(id) ? 0 : 1);
        return { TemplateId: Number(id), International: 0, StatusCode: statusCode, ReviewReply: (t as { reviewReply?: string }).reviewReply ?? "", TemplateName: `模板${id}`, CreateTime: Math.floor(this.nowMs() / 1000) - 86400, TemplateContent: t.content };
      });
    return { DescribeTemplateStatusSet: set };
  }

  private receipt(serialNo: string, mobile: string, sessionContext: string) {
    const failed = this.failReceipt.has(mobile);
    const now = this.nowMs();
    const item = {
      user_receive_time: beijing(now),
      nationcode: "86",
      mobile,
      report_status: failed ? "FAIL" : "SUCCESS",
      errmsg: failed ? "MK:0001" : "DELIVRD",
      description: failed ? "空号或停机" : "用户短信送达成功",
      sid: serialNo,
    };
    this.unpulled.push({ UserReceiveTime: Math.floor(now / 1000), CountryCode: "86", SubscriberNumber: mobile, PhoneNumber: `+86${mobile}`, SerialNo: serialNo, ReportStatus: item.report_status, Description: item.description, SessionContext: sessionContext });
    if (!this.opts.callbackUrl || this.lostReceipt.has(mobile)) return;
    this.batch.push(item);
    // Receipts due together go out as one array (a callback may carry several messages), after the send answered.
    this.flushTimer ??= setTimeout(() => this.flush(), this.opts.receiptDelayMs ?? 400).unref();
  }

  private flush() {
    this.flushTimer = null;
    const items = this.batch.splice(0);
    if (!items.length || !this.opts.callbackUrl) return;
    const ok = (b: unknown) => (b as { result?: number } | null)?.result === 0;
    this.pusher.push(this.opts.callbackUrl, items.reverse(), { ok });
    if (this.opts.duplicate) this.pusher.push(this.opts.callbackUrl, items, { delayMs: 300, ok });
  }
}
