import { randomUUID } from "node:crypto";
import { SmsRejected, type SendSmsInput, type SmsPort } from "@/server/ports/sms";

export interface SimulatedSms extends SendSmsInput {
  providerMessageId: string;
  sentAt: Date;
}

/**
 * A provider simulator: accepts valid mainland mobiles, dedupes on clientRef like real providers, and keeps what it
 * "sent" in memory for tests and demos. It does not send anything anywhere.
 */
export class SimulatorSms implements SmsPort {
  readonly sent = new Map<string, SimulatedSms>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async send(input: SendSmsInput): Promise<{ providerMessageId: string }> {
    const existing = this.sent.get(input.clientRef);
    if (existing) return { providerMessageId: existing.providerMessageId };
    if (!/^1[3-9]\d{9}$/.test(input.mobile)) throw new SmsRejected("invalidNumber", `号码格式不正确: ${input.mobile}`);
    if (!input.content.trim()) throw new SmsRejected("contentRejected", "短信内容为空");
    const providerMessageId = `smsim_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    this.sent.set(input.clientRef, { ...input, providerMessageId, sentAt: this.now() });
    if (this.sent.size > 10_000) this.sent.delete(this.sent.keys().next().value!);
    return { providerMessageId };
  }
}
