// Embedded PostgreSQL for local development: a file-backed PGlite database served over the
// Postgres wire protocol (pglite-socket), so `pg`, @prisma/adapter-pg and the Prisma CLI connect
// to it like to any server.
//
// pglite-socket runs every query on the one PGlite backend: queries from all connections go
// through a single queue, and while a connection has a transaction open, the other connections'
// queries wait until it ends. Session state (SET, temp tables, advisory locks, ...) is shared.
// Use one connection per process (e.g. `new PrismaPg({ connectionString, max: 1 })`).
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

import { EMBEDDED_DB_DATA_DIR, EMBEDDED_DB_HOST, EMBEDDED_DB_PORT, embeddedDatabaseUrl } from "./embedded-db-url";

export interface EmbeddedDbOptions {
  /** Data directory (created if missing); relative to the working directory. */
  dataDir?: string;
  port?: number;
  host?: string;
  /**
   * Concurrent client connections accepted (pglite-socket's default is 1: further connections are
   * reset). More than one lets e.g. `prisma migrate` or a script connect while `next dev` holds
   * its connection; their queries are still executed one at a time.
   */
  maxConnections?: number;
}

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedDb({
  dataDir = EMBEDDED_DB_DATA_DIR,
  port = EMBEDDED_DB_PORT,
  host = EMBEDDED_DB_HOST,
  maxConnections = 16,
}: EmbeddedDbOptions = {}): Promise<EmbeddedDb> {
  // Fail before opening the data directory: if the port is taken, another embedded DB process
  // probably has this directory open, and PGlite must not open it twice.
  await assertPortFree(port, host);
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true });

  const db = await PGlite.create({ dataDir: dir });
  const server = new PGLiteSocketServer({ db, host, port, maxConnections });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    url: embeddedDatabaseUrl(port, host),
    stop: () =>
      (stopping ??= (async () => {
        await server.stop();
        await db.close();
      })()),
  };
}

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`${host}:${port} is already in use (is the embedded database already running?)`)
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
