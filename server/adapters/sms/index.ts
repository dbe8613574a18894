import type { SmsPort } from "@/server/ports/sms";
import { SimulatorSms } from "./simulator-sms";

const g = globalThis as unknown as { __zwSms?: SmsPort };

/** The app's SMS provider: the simulator (a real provider adapter would be chosen here by env). */
export function getSms(): SmsPort {
  return (g.__zwSms ??= new SimulatorSms());
}

export function setSmsForTests(next: SmsPort | undefined) {
  g.__zwSms = next;
}
