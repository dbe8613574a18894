import type { SmsAccount } from "@/server/domain/vendor/capacity-problems";

/**
 * Sending an SMS through a provider (短信通道). Our clientRef travels with each message (Tencent: SessionContext).
 * The simulator dedupes on it; Tencent SMS does not, so a message is only re-sent when a send failed without an answer.
 */
export interface SendSmsInput {
  /** Our idempotency key: the SmsMessage id. */
  clientRef: string;
  mobile: string;
  content: string;
  /**
   * Providers that send only pre-approved templates (Tencent SMS) need the vendor's template id and the values of its
   * placeholders, in the order they appear in our template's content.
   */
  template?: { vendorTemplateId: string | null; params: string[] };
}

/** A delivery receipt (短信回执): whether the patient's phone received the message. */
export interface SmsReceipt {
  providerMessageId: string;
  delivered: boolean;
  /** When the phone received it (or the failure was reported). */
  at: Date;
  /** The provider's status code and description, e.g. "DELIVRD" / "用户短信送达成功". */
  code: string;
  description: string;
}

/** A patient's reply to one of our messages (Tencent 短信回复, PullSmsReplyStatus). */
export interface SmsReply {
  mobile: string;
  content: string;
  at: Date;
}

/** The vendor's own view of a template we linked (Tencent DescribeSmsTemplateList): null when it does not exist. */
export interface VendorSmsTemplate {
  id: string;
  /** Approved and in effect: the only state in which it can be sent. */
  approved: boolean;
  /** The vendor's status words (审核中, 未通过: <reply> …). */
  status: string;
  content: string;
  /** Placeholders in the vendor's content ({1}, {2} …). */
  paramCount: number;
}

export interface SmsPort {
  send(input: SendSmsInput): Promise<{ providerMessageId: string }>;
  /** True when the provider can only send templates approved on its side (SendSmsInput.template is required). */
  readonly needsVendorTemplate?: boolean;
  /** Verifies and reads a receipt callback; throws InvalidSmsCallback when it is not from the provider. */
  parseReceipts?(headers: Headers, rawBody: string, url: URL): SmsReceipt[];
  /** Receipts not yet pulled (a fallback for callbacks that never arrived); each pull hands each status out once. */
  pullReceipts?(): Promise<SmsReceipt[]>;
  /** Patients' replies not yet pulled (each handed out once). */
  pullReplies?(): Promise<SmsReply[]>;
  /** The vendor's template with this id (null: it has none). */
  describeTemplate?(vendorTemplateId: string): Promise<VendorSmsTemplate | null>;
  /** The account's SMS packages (the capacity check). */
  describeAccount?(): Promise<SmsAccount>;
}

export class SmsRejected extends Error {
  constructor(
    readonly reason:
      | "invalidNumber"
      | "contentRejected"
      | "unavailable"
      | "templateNotMapped"
      | "templateRejected"
      | "rateLimited"
      | "insufficientBalance"
      | "optedOut",
    message: string,
  ) {
    super(message);
    this.name = "SmsRejected";
  }
}

export class InvalidSmsCallback extends Error {
  constructor(
    message: string,
    readonly problem: "auth" | "payload" = "auth",
  ) {
    super(message);
    this.name = "InvalidSmsCallback";
  }
}
