/**
 * Seeds the demo data: `npx tsx scripts/db-seed.ts`.
 * DATABASE_URL defaults to the embedded database's port. Skips the demo company when it already exists.
 */
import { createPrismaClient } from "../server/db/create-client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo-accounts";
import { seedDemo } from "../prisma/seed/seed-demo";
import { seedDemoHistory } from "../prisma/seed/demo-history";

const url = process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/postgres";

async function main(): Promise<void> {
  const db = createPrismaClient(url);
  try {
    const result = await seedDemo(db, new Date());
    if (result.skipped) {
      console.log(`「${result.companyName}」already exists (${result.companyId}); platform rows checked, nothing else added.`);
    } else {
      console.log(`Seeded 「${result.companyName}」 (${result.companyId}) in ${result.ms} ms:`);
      console.table(result.counts);
    }
    const history = await seedDemoHistory(db, new Date());
    if (history.skipped) console.log("Call history already present; nothing added.");
    else console.log(`Call history of the last 60 days in ${history.ms} ms:`, history);
    console.log(`Platform DNC entries: ${result.dncEntries}`);
    console.log(`Accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.label.padEnd(6, "　")} ${a.account}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
