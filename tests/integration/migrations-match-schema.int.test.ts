import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * Several branches add migrations by hand; a migration that forgets a column (or a schema change without its migration)
 * would only show on a fresh database. `migrate diff --exit-code` exits 2 when applying every migration does not give
 * the schema (it runs offline through prisma/engine).
 */
describe("prisma migrations", () => {
  it("produce exactly prisma/schema.prisma", () => {
    const res = spawnSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--script", "--exit-code"],
      { encoding: "utf8", timeout: 240_000 },
    );
    expect(res.stdout + res.stderr).not.toMatch(/Error/);
    expect(res.status, `the migrations differ from the schema:\n${res.stdout}`).toBe(0);
  }, 300_000);
});
