import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated and seeded PostgreSQL database per test run, dropped afterwards. */
export default async function setup(project: TestProject) {
  const db = await createTestDatabase("int");
  project.provide("databaseUrl", db.url);
  return async () => {
    if (!process.env.KEEP_TEST_DB) await db.drop();
  };
}
