/**
 * Runs the journey scheduler once, at a given instant (default: now): every due run, then every patient due to move
 * on — what the journey-run cron does each minute. For operations and for tests with a controlled clock:
 *   DATABASE_URL=… npx tsx scripts/journey-tick.ts [--at 2026-11-25T10:01:00+08:00]
 * Prints the result as JSON.
 */
import { createPrismaClient } from "../server/db/create-client";
import { runJourneyTick } from "../server/services/journeys/run-journey-tick";

const url = process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/postgres";

async function main() {
  const i = process.argv.indexOf("--at");
  const at = i > 0 ? new Date(process.argv[i + 1] ?? "") : new Date();
  if (Number.isNaN(at.getTime())) throw new Error("--at needs an ISO date-time, e.g. 2026-11-25T10:01:00+08:00");
  const db = createPrismaClient(url);
  try {
    console.log(JSON.stringify(await runJourneyTick(db, at)));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
