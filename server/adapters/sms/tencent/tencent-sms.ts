import { createHash, timingSafeEqual } from "node:crypto";
import { sms } from "tencentcloud-sdk-nodejs-sms";
import type { TencentClientOptions } from "@/server/adapters/tencent/tencent-settings";
import { InvalidSmsCallback, SmsRejected, type SendSmsInput, type SmsPort, type SmsReceipt } from "@/server/ports/sms";
import { receiptOf, sendCodeOutcome, toE164 } from "./sms-mapping";

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
}
