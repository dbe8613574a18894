/** The development/demo database: platform rows + company "a" (微笑口腔连锁, 3 clinics, 620 patients, opened). */
import type { PrismaClient } from "./db";
import { seedIntegrationsDemo } from "./seed-integrations";
import { COMPANY_A } from "./presets";
import { demoPasswordHash } from "./password-hash";
import { seedCompany, type SeedCompanyCounts } from "./seed-company";
import { seedPlatform } from "./seed-platform";
import { seedCatalog } from "./seed-catalog";
import { seedCustomTemplates } from "./custom-templates";
import { seedAiCallFeaturesDemo } from "./seed-ai-call-features";

export interface SeedDemoResult {
  /** True when the demo company already existed and nothing was added but the (idempotent) platform rows. */
  skipped: boolean;
  companyId: string;
  companyName: string;
  platformAdminId: string;
  dncEntries: number;
  counts: SeedCompanyCounts | null;
  ms: number;
}

export async function seedDemo(db: PrismaClient, now: Date = new Date()): Promise<SeedDemoResult> {
  const started = performance.now();
  await demoPasswordHash(); // hash before the transaction so it does not hold a connection meanwhile
  const platform = await seedPlatform(db);
  await seedCatalog(db);

  const existing = await db.company.findFirst({ where: { name: COMPANY_A.name }, select: { id: true } });
  if (existing) {
    await seedCustomTemplates(db, existing.id, COMPANY_A.name);
    return {
      skipped: true,
      companyId: existing.id,
      companyName: COMPANY_A.name,
      platformAdminId: platform.platformAdmin.id,
      dncEntries: platform.dncEntries,
      counts: null,
      ms: Math.round(performance.now() - started),
    };
  }

  // One transaction, so an interrupted seed leaves no half company behind (which the check above would then skip).
  const company = await db.$transaction(
    (tx) =>
      seedCompany(tx, {
        key: COMPANY_A.key,
        name: COMPANY_A.name,
        clinics: [...COMPANY_A.clinics],
        patients: COMPANY_A.patients,
        opened: COMPANY_A.opened,
        now,
      }),
    { maxWait: 30_000, timeout: 180_000 },
  );
  await seedCustomTemplates(db, company.companyId, COMPANY_A.name);
  await seedIntegrationsDemo(db, company.companyId, now);
  await seedAiCallFeaturesDemo(db, company.companyId, company.clinicIds);

  return {
    skipped: false,
    companyId: company.companyId,
    companyName: COMPANY_A.name,
    platformAdminId: platform.platformAdmin.id,
    dncEntries: platform.dncEntries,
    counts: company.counts,
    ms: Math.round(performance.now() - started),
  };
}
