import pg from "pg";
import { createPrismaClient } from "../../server/db/create-client";
import { migrateDeploy } from "../../prisma/engine/migrate-deploy";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { seedDemoHistory } from "../../prisma/seed/demo-history";
import type { ObjectStorage } from "../../server/ports/storage";
import { seedCompany } from "../../prisma/seed/seed-company";
import { COMPANY_B } from "../../prisma/seed/presets";

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";


async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database seeded by `seed`; `drop` removes it. */
async function createSeededDatabase(label: string, seed: (db: ReturnType<typeof createPrismaClient>) => Promise<unknown>) {
  const name = `zw_${label}_${process.pid}_${Date.now().toString(36)}`;
  await admin((c) => c.query(`create database "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  await migrateDeploy(dbUrl, { quiet: true });
  const db = createPrismaClient(dbUrl);
  try {
    await seed(db);
  } finally {
    await db.$disconnect();
  }
  return {
    url: dbUrl,
    drop: () => admin((c) => c.query(`drop database if exists "${name}" with (force)`)),
  };
}

/** Creates a fresh database, applies the committed migrations, and seeds the demo company plus company B. */
export function createTestDatabase(label: string, now = new Date()) {
  return createSeededDatabase(label, async (db) => {
    await seedDemo(db, now);
    await db.$transaction((tx) => seedCompany(tx, { ...COMPANY_B, clinics: [...COMPANY_B.clinics], now }), { timeout: 120_000 });
  });
}

/**
 * A fresh database exactly as `bash scripts/dev.sh` seeds it: the demo company with its last 60 days of calls and
 * journeys, and company B waiting in the platform's review queue. Recording audio and qualification files go to `storage`.
 */
export function createDemoDatabase(label: string, storage: ObjectStorage, now = new Date()) {
  return createSeededDatabase(label, async (db) => {
    await seedDemo(db, now);
    await seedDemoHistory(db, now, { storage });
  });
}
