/** Seed functions, reused by scripts/db-seed.ts, the embedded-database bootstrap and the integration tests. */
export { DEMO_PASSWORD } from "./demo-password";
export { DEMO_ACCOUNTS, DEMO_COMPANY_KEY, type DemoAccount } from "./demo-accounts";
export { PLATFORM_ADMIN, companyCode, staffEmail, staffMobile, type StaffSlot } from "./accounts";
export { COMPANY_A, COMPANY_B } from "./presets";
export { seedPlatform, PLATFORM_DNC, type SeedPlatformResult } from "./seed-platform";
export {
  seedCompany,
  SYSTEM_ROLE_KEYS,
  type SeedClinicInput,
  type SeedCompanyOptions,
  type SeedCompanyResult,
  type SeedCompanyCounts,
  type SeededUser,
} from "./seed-company";
export { seedDemo, type SeedDemoResult } from "./seed-demo";
export { seedCatalog, type SeedCatalogResult } from "./seed-catalog";
export type { SeedDb } from "./db";
export { seedDemoHistory, type SeedDemoHistoryResult } from "./demo-history";
