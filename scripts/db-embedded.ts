/**
 * Runs the embedded development database in the foreground (e.g. next to `next dev`); Ctrl+C stops it.
 *   npx tsx scripts/db-embedded.ts [--port 54329] [--data-dir .data/pglite]
 */
import { parseArgs } from "node:util";

import { startEmbeddedDb } from "../prisma/embedded/start-embedded-db";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string" }, "data-dir": { type: "string" } } });
  const db = await startEmbeddedDb({
    port: values.port ? Number(values.port) : undefined,
    dataDir: values["data-dir"],
  });
  console.log(`Embedded PostgreSQL (PGlite) listening on ${db.url}`);

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log("Stopping the embedded database…");
      void db.stop().then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
