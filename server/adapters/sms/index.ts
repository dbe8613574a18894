import type { SmsPort } from "@/server/ports/sms";
import { env } from "@/server/env";
import { SimulatorSms } from "./simulator-sms";
import { createTencentSms } from "./tencent";

const g = globalThis as unknown as { __zwSms?: SmsPort };

/** The app's SMS provider, chosen by SMS: the simulator (default) or Tencent Cloud SMS (docs/carrier.md). */
export function getSms(): SmsPort {
  return (g.__zwSms ??= env.SMS === "tencent" ? createTencentSms() : new SimulatorSms());
}

export function setSmsForTests(next: SmsPort | undefined) {
  g.__zwSms = next;
}
