import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/server/db/create-client";
import { getCallMetrics } from "@/server/services/metrics/get-call-metrics";
import { recountCallTotals } from "@/server/services/metrics/recount-call-totals";
import { testDb } from "./fixtures";
import { createDialerCompany, createPatients, createScript } from "./dialer-fixtures";

const MIGRATION = readFileSync(new URL("../../prisma/migrations/20261207013000_effective_dialogue_two_rounds/migration.sql", import.meta.url), "utf8");
const statements = MIGRATION.replace(/^--.*$/gm, "")
  .split(/;\s*$/m)
  .map((s) => s.trim())
  .filter(Boolean);

const ai = (text: string) => ({ speaker: "ai", text, at: 0 });
const patient = (text: string) => ({ speaker: "patient", text, at: 1 });

async function figures(db: PrismaClient, companyId: string) {
  const [daily] = await db.$queryRaw<{ effective: number }[]>`SELECT coalesce(sum("effectiveCalls"), 0)::int AS effective FROM "CallDailyTotal" WHERE "companyId" = ${companyId}`;
  const scripts = await db.$queryRaw<{ patientId: string; clinics: string[] }[]>`
    SELECT "patientId", "effectiveClinicIds" AS clinics FROM "ScriptAnsweredPatient" WHERE "companyId" = ${companyId} ORDER BY 1`;
  const company = await db.$queryRaw<{ patientId: string; clinics: string[] }[]>`
    SELECT "patientId", "effectiveClinicIds" AS clinics FROM "AnsweredPatient" WHERE "companyId" = ${companyId} ORDER BY 1`;
  return { effective: daily!.effective, scripts, company };
}

describe("migration 20261207013000: 有效对话 = two rounds or more, recounted", () => {
  it("recounts Call.rounds from the transcripts and the 有效对话 totals, as recountCallTotals would", async () => {
    const db = testDb();
    const { companyId, clinicIds } = await createDialerCompany("eff-migration");
    const clinicId = clinicIds[0]!;
    const script = await createScript(companyId, [clinicId]);
    const patients = await createPatients(companyId, clinicId, 4);
    // Transcripts with what the rows say before the migration (rounds counted other ways).
    const plans = [
      { transcript: [ai("您好"), patient("你好"), ai("来复查吗"), patient("好"), ai("再见")], stored: 3, rounds: 2 },
      { transcript: { turns: [ai("您好"), patient("嗯"), patient("哪位"), ai("再见")] }, stored: 2, rounds: 1 },
      { transcript: [ai("您好"), patient("你好"), ai("来吗"), patient("来"), ai("几点"), patient("十点"), ai("好")], stored: 3, rounds: 3 },
      { transcript: [ai("您好"), ai("您好？")], stored: 1, rounds: 0 },
    ];
    const dialedAt = new Date("2026-11-20T02:00:00Z");
    for (const [i, plan] of plans.entries()) {
      const p = patients[i]!;
      const task = await db.callTask.create({
        data: { companyId, clinicId, scriptId: script.id, patientId: p.id, mobile: p.mobile, source: "batch", status: "ended", attempt: 1, maxAttempts: 1 },
      });
      await db.call.create({
        data: {
          companyId, clinicId, scriptId: script.id, taskId: task.id, patientId: p.id, mobile: p.mobile!, attempt: 1,
          outcome: "answered", dialedAt, answeredAt: dialedAt, endedAt: new Date(dialedAt.getTime() + 30_000), durationSec: 30,
          rounds: plan.stored, transcript: plan.transcript,
        },
      });
    }
    await recountCallTotals(db, companyId);
    // Totals as the old counters left them (more than two rounds, on the stored counts): two effective calls, patients 0 and 2.
    await db.$executeRaw`UPDATE "CallDailyTotal" SET "effectiveCalls" = 0 WHERE "companyId" = ${companyId}`;
    await db.$executeRaw`UPDATE "CallDailyTotal" SET "effectiveCalls" = 2 WHERE "companyId" = ${companyId} AND shard = (SELECT min(shard) FROM "CallDailyTotal" WHERE "companyId" = ${companyId})`;
    await db.$executeRaw`UPDATE "ScriptAnsweredPatient" SET "effectiveClinicIds" = '{}' WHERE "companyId" = ${companyId} AND "patientId" = ${patients[0]!.id}`;

    for (const sql of statements) await db.$executeRawUnsafe(sql);

    const calls = await db.call.findMany({ where: { companyId }, select: { patientId: true, rounds: true } });
    expect(patients.map((p) => calls.find((c) => c.patientId === p.id)!.rounds)).toEqual(plans.map((p) => p.rounds));
    const migrated = await figures(db, companyId);
    expect(migrated.effective).toBe(2); // the calls of 2 and 3 rounds
    expect(migrated.scripts.filter((s) => s.clinics.length > 0).map((s) => s.patientId).sort()).toEqual([patients[0]!.id, patients[2]!.id].sort());
    expect(migrated.company.filter((s) => s.clinics.length > 0)).toHaveLength(2);
    await recountCallTotals(db, companyId);
    expect(await figures(db, companyId)).toEqual(migrated);

    const metrics = await getCallMetrics(db, { companyId, clinicIds: [clinicId] }, { scriptIds: [script.id] });
    expect(metrics.total.calls).toMatchObject({ effectivePatients: 2, effectiveRate: 50 });
  });
});
