import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";

export type { PrismaClient };
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** pglite-socket serves one connection at a time, so the embedded database gets a pool of one. */
export function createPrismaClient(connectionString: string): PrismaClient {
  const embedded = connectionString.includes(":54329/");
  const adapter = new PrismaPg({ connectionString, max: embedded ? 1 : 10 });
  return new PrismaClient({ adapter });
}
