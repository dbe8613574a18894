import { fileURLToPath } from "node:url";

import { defineConfig } from "prisma/config";

import { EMBEDDED_DATABASE_URL } from "./prisma/embedded/embedded-db-url";

// The native schema engine cannot be downloaded here; migrate/db commands use our stand-in that
// runs Prisma's Wasm schema engine (see prisma/engine/schema-engine.mjs).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./prisma/engine/schema-engine.mjs", import.meta.url),
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    // Without DATABASE_URL: the embedded PGlite database (`tsx scripts/db-embedded.ts`).
    url: process.env.DATABASE_URL || EMBEDDED_DATABASE_URL,
    // Optional. Otherwise `migrate dev` uses a temporary `<db>_shadow_<random>` database on the same
    // server (an in-memory PGlite when the main database is the embedded one).
    ...(process.env.SHADOW_DATABASE_URL && { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL }),
  },
});
