import { createStorage } from "../server/adapters/storage";
import { createPrismaClient } from "../server/db/create-client";
import { speechMp3 } from "../prisma/seed/fixture-audio";
import { seedCallRecords, type SeedCallRecordsResult } from "../prisma/seed/seed-call-records";
import { recountCallTotals } from "../server/services/metrics/recount-call-totals";

export const COMPANY_A = "微笑口腔连锁";

/**
 * Call history for the records specs, written straight into the e2e database (and the recordings into the app's
 * storage, .data/storage as the server under test reads it). Each spec uses its own script, removed afterwards.
 */
export async function seedRecordsFixture(scriptName: string, patientCount = 30): Promise<SeedCallRecordsResult & { companyId: string }> {
  const db = createPrismaClient(process.env.E2E_DATABASE_URL!);
  try {
    const company = await db.company.findFirstOrThrow({ where: { name: COMPANY_A }, select: { id: true } });
    const admin = await db.user.findFirstOrThrow({ where: { companyId: company.id, role: { key: "companyAdmin" } }, select: { id: true } });
    const result = await seedCallRecords(db, {
      companyId: company.id,
      now: new Date(),
      scriptName,
      patientCount,
      createdById: admin.id,
      audio: { storage: createStorage(process.env), synthesize: speechMp3 },
    });
    // The server under test runs the in-process dialer: inside the calling window it would dial the fixture's 待呼 tasks
    // and add calls the specs did not count (seen as 共 32 条 against 31). They stay 待呼, due in a year.
    await db.callTask.updateMany({ where: { scriptId: result.scriptId, status: "pending" }, data: { nextAttemptAt: new Date(Date.now() + 365 * 86_400_000) } });
    return { ...result, companyId: company.id };
  } finally {
    await db.$disconnect();
  }
}

/** Deleting the script removes its tasks, calls and recordings (cascade); the mp3 files stay in storage, unreferenced. */
export async function removeRecordsFixture(scriptId: string) {
  const db = createPrismaClient(process.env.E2E_DATABASE_URL!);
  try {
    await db.script.deleteMany({ where: { id: scriptId } });
    // The fixture's own (custom) template would otherwise show in company A's template picker.
    await db.scriptTemplate.deleteMany({ where: { key: { startsWith: "fixture-" }, scripts: { none: {} } } });
  } finally {
    await db.$disconnect();
  }
}

/** After a spec writes tasks or calls with SQL (not through the dial engine): rebuild the running totals the metrics read. */
export async function recountTotals(companyId: string) {
  const db = createPrismaClient(process.env.E2E_DATABASE_URL!);
  try {
    await recountCallTotals(db, companyId);
  } finally {
    await db.$disconnect();
  }
}
