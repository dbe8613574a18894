import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";

export type { PrismaClient };
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

let lastLogged = 0;
/** A database restart breaks every pooled connection at once: log it (at most every few seconds), never crash on it. */
function logConnectionError(error: Error) {
  const now = Date.now();
  if (now - lastLogged < 5_000) return;
  lastLogged = now;
  console.warn(`[db] connection lost (${error.message}); the pool reconnects on the next query`);
}

/**
 * pglite-socket serves one connection at a time, so the embedded database gets a pool of one. Broken connections (the
 * database restarted) are dropped from the pool and replaced on the next query; a query waits at most 10 s for a
 * connection, so requests and jobs fail fast while the database is down instead of hanging (docs/reliability.md).
 */
export function createPrismaClient(connectionString: string): PrismaClient {
  const embedded = connectionString.includes(":54329/");
  const adapter = new PrismaPg(
    { connectionString, max: embedded ? 1 : 10, connectionTimeoutMillis: 10_000, keepAlive: true },
    { onPoolError: logConnectionError, onConnectionError: logConnectionError },
  );
  return new PrismaClient({ adapter });
}
