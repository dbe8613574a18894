import type { PrismaClient } from "@/server/db/create-client";
import type { CarrierPort } from "@/server/ports/carrier";

/** What job handlers need from the outside, resolved lazily so importing a function does not open a database. */
export interface JobDeps {
  db: PrismaClient;
  carrier: CarrierPort;
  now: () => Date;
  /** Names this process in claim tokens. */
  workerId: string;
}

const holder = globalThis as unknown as { __zwJobDeps?: () => Promise<JobDeps> };

/** Tests (and the bench) point the handlers at their own database, carrier and clock. */
export function setJobDeps(factory: (() => Promise<JobDeps>) | undefined) {
  holder.__zwJobDeps = factory;
}

export async function jobDeps(): Promise<JobDeps> {
  if (holder.__zwJobDeps) return holder.__zwJobDeps();
  const [{ prisma }, { getCarrier }] = await Promise.all([import("@/server/db/client"), import("@/server/adapters/carrier")]);
  return { db: prisma, carrier: getCarrier(), now: () => new Date(), workerId: `pid${process.pid}` };
}
