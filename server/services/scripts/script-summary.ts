import type { Prisma } from "@/server/generated/prisma/client";

/** What every script list and detail shows of a script: name, kind, category, state and 适用门店. */
export const scriptSummarySelect = {
  id: true,
  name: true,
  kind: true,
  category: true,
  status: true,
  pauseReason: true,
  journeyOnly: true,
  clinics: { select: { clinic: { select: { id: true, shortName: true } } } },
} satisfies Prisma.ScriptSelect;
