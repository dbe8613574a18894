import type { CarrierRejected } from "@/server/ports/carrier";

/** HTTP status ↔ CarrierRejected reason between the carrier service and its client adapter. */
export const REJECTION_STATUS = { rateLimited: 429, invalidNumber: 422, insufficientBalance: 402, unavailable: 503 } as const satisfies Record<
  CarrierRejected["reason"],
  number
>;

export const REJECTION_REASON_BY_STATUS = new Map<number, CarrierRejected["reason"]>(
  Object.entries(REJECTION_STATUS).map(([reason, status]) => [status, reason as CarrierRejected["reason"]]),
);
