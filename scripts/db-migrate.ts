/**
 * Applies the committed migrations (`prisma migrate deploy`): `npx tsx scripts/db-migrate.ts`.
 * Target: DATABASE_URL; without it the embedded database, which is started in-process for the
 * duration when it is not already running (`scripts/db-embedded.ts`).
 */
import { connect } from "node:net";

import { migrateDeploy } from "../prisma/engine/migrate-deploy";
import { EMBEDDED_DATABASE_URL, EMBEDDED_DB_HOST, EMBEDDED_DB_PORT } from "../prisma/embedded/embedded-db-url";
import { startEmbeddedDb } from "../prisma/embedded/start-embedded-db";

function isListening(port: number, host: string): Promise<boolean> {
  const socket = connect(port, host);
  return new Promise<boolean>((resolve) => {
    socket.once("connect", () => resolve(true));
    socket.once("error", () => resolve(false));
    socket.setTimeout(2000, () => resolve(false));
  }).finally(() => socket.destroy());
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) return migrateDeploy(url);
  if (await isListening(EMBEDDED_DB_PORT, EMBEDDED_DB_HOST)) return migrateDeploy(EMBEDDED_DATABASE_URL);

  console.log("Embedded database not running: starting it for the migration.");
  const db = await startEmbeddedDb();
  try {
    await migrateDeploy(db.url);
  } finally {
    await db.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
