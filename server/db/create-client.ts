import { createHash } from "node:crypto";
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
 * A raw statement whose text begins with `-- prepared: <name>` is prepared once per pooled connection (a pg named
 * statement, named after the marker and a hash of the text) and then only bound and executed: the server skips parsing
 * it and, once its generic plan is as good, planning it. For statements run very often with the same text (实时监控's
 * figures, once a second per view and process: bench/monitor). Every other statement stays unnamed, as Prisma sends it.
 */
const PREPARED_MARKER = /^-- prepared: ([a-z0-9_]+)\n/;
export function preparedStatementName(sql: string): string | undefined {
  const marker = PREPARED_MARKER.exec(sql);
  return marker ? `${marker[1]}_${createHash("sha1").update(sql).digest("hex").slice(0, 12)}` : undefined;
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
    {
      onPoolError: logConnectionError,
      onConnectionError: logConnectionError,
      // The embedded database keeps every statement unnamed (one connection, the demo). The type says string, but the
      // adapter passes the result to pg as `name` and undefined is what it passes without a generator: unnamed.
      statementNameGenerator: embedded ? undefined : (query) => preparedStatementName(query.sql) as string,
    },
  );
  return new PrismaClient({ adapter });
}
