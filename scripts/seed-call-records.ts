/**
 * Adds fixture call history (tasks, calls, mp3 recordings) to the demo company, for looking at 话单记录 and the
 * follow-up timeline without running the dial engine: `DATABASE_URL=… npx tsx scripts/seed-call-records.ts [patients]`.
 */
import { getStorage } from "../server/adapters/storage";
import { createPrismaClient } from "../server/db/create-client";
import { speechMp3 } from "../prisma/seed/fixture-audio";
import { COMPANY_A } from "../prisma/seed/presets";
import { seedCallRecords } from "../prisma/seed/seed-call-records";

const url = process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/postgres";

async function main() {
  const db = createPrismaClient(url);
  try {
    const company = await db.company.findFirstOrThrow({ where: { name: COMPANY_A.name }, select: { id: true } });
    const admin = await db.user.findFirst({ where: { companyId: company.id, role: { key: "companyAdmin" } }, select: { id: true } });
    const n = await db.script.count({ where: { companyId: company.id, name: { startsWith: "种植牙活动邀约" } } });
    const result = await seedCallRecords(db, {
      companyId: company.id,
      now: new Date(),
      scriptName: n ? `种植牙活动邀约${n + 1}` : "种植牙活动邀约",
      patientCount: Number(process.argv[2] ?? 80),
      createdById: admin?.id ?? null,
      audio: { storage: getStorage(), synthesize: speechMp3 },
    });
    console.log(`script ${result.scriptId}: ${result.taskIds.length} tasks, ${result.callIds.length} calls, ${result.answeredCallIds.length} recordings`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
