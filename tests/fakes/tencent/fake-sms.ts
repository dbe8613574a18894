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

/** Tencent SMS's side: SendSms (2021-01-11) and PullSmsSendStatus, plus the receipt callback. */
export class FakeSms {
  readonly sent: SentSms[] = [];
  /** Tests force a per-number SendStatus code, or a final FAIL receipt. */
  readonly codeOverride = new Map<string, string>();
  readonly failReceipt = new Set<string>();
  private unpulled: Record<string, unknown>[] = [];
  private batch: Record<string, unknown>[] = [];
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly opts: FakeSmsOptions,
    private readonly pusher: Pusher,
    private readonly nowMs: () => number = Date.now,
  ) {}

  handle(action: string, req: Record<string, unknown>): Record<string, unknown> {
    if (String(req.SmsSdkAppId) !== this.opts.smsSdkAppId) throw new ApiError("UnauthorizedOperation.SmsSdkAppIdVerifyFail", "SmsSdkAppId 校验失败");
    if (action === "PullSmsSendStatus") {
      const out = this.unpulled.splice(0, Math.min(100, Number(req.Limit ?? 100)));
      return { PullSmsSendStatusSet: out };
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
    if (!this.opts.callbackUrl) return;
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
