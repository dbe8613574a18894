import type { CarrierPort } from "@/server/ports/carrier";
import { getSimulatorCarrierPort } from "./simulator";

let carrier: CarrierPort | undefined;

/**
 * The app's carrier. Only the simulator exists today (a real vendor adapter — Alibaba OutboundBot, Tencent CCC — would
 * be chosen here by env; see ../shared/design/carrier.md).
 */
export function getCarrier(): CarrierPort {
  return (carrier ??= getSimulatorCarrierPort());
}

/** Tests swap in their own carrier. */
export function setCarrierForTests(next: CarrierPort | undefined) {
  carrier = next;
}
