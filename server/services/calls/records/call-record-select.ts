import type { Prisma } from "@/server/generated/prisma/client";

/** What every 话单 view reads of a call: the list's row and the detail's header. */
export const callRecordSelect = {
  id: true,
  mobile: true,
  attempt: true,
  outcome: true,
  dialedAt: true,
  answeredAt: true,
  endedAt: true,
  durationSec: true,
  rounds: true,
  intent: true,
  callbackRequested: true,
  complaint: true,
  proposedTime: true,
  intentConfidence: true,
  intentCorrectedAt: true,
  summary: true,
  patient: { select: { id: true, name: true } },
  clinic: { select: { id: true, shortName: true, timezone: true } },
} satisfies Prisma.CallSelect;
