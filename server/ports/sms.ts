/**
 * Sending an SMS through a provider (短信通道). Providers dedupe on our clientRef, so a retried send never goes out twice.
 */
export interface SendSmsInput {
  /** Our idempotency key: the SmsMessage id. */
  clientRef: string;
  mobile: string;
  content: string;
}

export interface SmsPort {
  send(input: SendSmsInput): Promise<{ providerMessageId: string }>;
}

export class SmsRejected extends Error {
  constructor(
    readonly reason: "invalidNumber" | "contentRejected" | "unavailable",
    message: string,
  ) {
    super(message);
    this.name = "SmsRejected";
  }
}
