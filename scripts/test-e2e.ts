/**
 * Playwright e2e on a fresh, migrated and seeded PostgreSQL database, against a production build of the app.
 * `npm run test:e2e` (extra args go to Playwright). Set E2E_SKIP_BUILD=1 to reuse an existing .next build.
 */
import { spawnSync } from "node:child_process";
import { createTestDatabase } from "../tests/integration/test-database";

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const res = spawnSync(cmd, args, { stdio: "inherit", env });
  return res.status ?? 1;
}

async function main() {
  const db = await createTestDatabase("e2e");
  let code = 1;
  try {
    if (!process.env.E2E_SKIP_BUILD) {
      code = run("npx", ["next", "build"]);
      if (code !== 0) return code;
    }
    code = run("npx", ["playwright", "test", ...process.argv.slice(2)], { ...process.env, E2E_DATABASE_URL: db.url });
  } finally {
    if (!process.env.KEEP_TEST_DB) await db.drop();
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
