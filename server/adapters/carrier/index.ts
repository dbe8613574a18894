import type { CarrierPort } from "@/server/ports/carrier";
import { env } from "@/server/env";
import { getSimulatorCarrierPort } from "./simulator";
import { createTencentCccCarrier } from "./tencent-ccc";

let carrier: CarrierPort | undefined;

/**
 * The app's carrier, chosen by CARRIER: the simulator (default) or Tencent Cloud CCC (docs/carrier.md).
 */
export function getCarrier(): CarrierPort {
  return (carrier ??= env.CARRIER === "tencent-ccc" ? createTencentCccCarrier() : getSimulatorCarrierPort());
}

/** Tests swap in their own carrier. */
export function setCarrierForTests(next: CarrierPort | undefined) {
  carrier = next;
}
