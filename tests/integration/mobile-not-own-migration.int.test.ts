import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { testDb } from "./fixtures";
import { createDialerCompany, createPatients, createScript } from "./dialer-fixtures";

const MIGRATION = readFileSync(new URL("../../prisma/migrations/20261207020000_mobile_not_own_reason/migration.sql", import.meta.url), "utf8");
const statements = MIGRATION.replace(/^--.*$/gm, "")
  .split(/;\s*$/m)
  .map((s) => s.trim())
  .filter(Boolean);

describe("migration 20261207020000: a number marked 非本人 is not 「客户暂无手机号」", () => {
  it("re-labels the tasks refused as noMobile whose patient has a number marked 非本人, and only those", async () => {
    const db = testDb();
    const { companyId, clinicIds } = await createDialerCompany("not-own-migration");
    const script = await createScript(companyId, [clinicIds[0]!]);
    const [relative] = await createPatients(companyId, clinicIds[0]!, 1, { hasOwnMobile: false });
    const [none] = await createPatients(companyId, clinicIds[0]!, 1, { mobile: null });
    const task = (p: { id: string; mobile: string | null }) =>
      db.callTask.create({
        data: { companyId, clinicId: clinicIds[0]!, scriptId: script.id, patientId: p.id, mobile: p.mobile, source: "batch", status: "failed", reason: "noMobile", maxAttempts: 2 },
      });
    const [a, b] = [await task(relative!), await task(none!)];

    for (const sql of statements) await db.$executeRawUnsafe(sql);

    expect((await db.callTask.findUniqueOrThrow({ where: { id: a.id } })).reason).toBe("mobileNotOwn");
    expect((await db.callTask.findUniqueOrThrow({ where: { id: b.id } })).reason).toBe("noMobile");
  });
});
