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
    const args = process.argv.slice(2);
    const env = { ...process.env, E2E_DATABASE_URL: db.url };
    // E2E_ONLY_TENCENT=1: only the journey through the Tencent adapters (playwright.tencent.config.ts).
    code = process.env.E2E_ONLY_TENCENT ? 0 : run("npx", ["playwright", "test", ...args], env);
    // The whole suite (no args) runs the full loop once more with CARRIER=tencent-ccc SMS=tencent against the fakes.
    if (args.length === 0 || process.env.E2E_ONLY_TENCENT) {
      const tencent = run("npx", ["playwright", "test", "--config", "playwright.tencent.config.ts"], env);
      code = code || tencent;
    }
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
