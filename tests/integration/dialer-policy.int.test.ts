import { beforeAll, describe, expect, it } from "vitest";
import { claimCompanyTasks } from "@/server/services/dialer/claim-due-tasks";
import { insertCallTasks, loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import { runDialerTick } from "@/server/services/dialer/run-dialer-tick";
import { testDb } from "./fixtures";
import { createDialerCompany, createPatients, createScript, minutes, shanghai } from "./dialer-fixtures";

let company: Awaited<ReturnType<typeof createDialerCompany>>;
beforeAll(async () => {
  company = await createDialerCompany("policy");
});

async function queue(scriptId: string, patientIds: string[], now: Date) {
  return testDb().$transaction(async (tx) =>
    insertCallTasks(tx, { companyId: company.companyId, script: (await loadScriptForTasks(tx, company.companyId, scriptId))!, seeds: patientIds.map((patientId) => ({ patientId })), source: "batch", now }),
  );
}
const tick = (now: Date) => runDialerTick(testDb(), { now, workerId: "w", companyId: company.companyId });
const task = (id: string) => testDb().callTask.findUniqueOrThrow({ where: { id } });

/** A past call of another task to the same number. */
async function pastCall(scriptId: string, patient: { id: string; mobile: string | null }, dialedAt: Date, answered: boolean) {
  const db = testDb();
  const [t] = await queue(scriptId, [patient.id], dialedAt);
  await db.callTask.update({ where: { id: t!.id }, data: { status: "ended", attempt: 1 } });
  await db.call.create({
    data: {
      companyId: company.companyId,
      clinicId: company.clinicIds[0]!,
      scriptId,
      taskId: t!.id,
      patientId: patient.id,
      mobile: patient.mobile!,
      attempt: 1,
      outcome: answered ? "answered" : "noAnswer",
      dialedAt,
      endedAt: minutes(dialedAt, 1),
    },
  });
}

describe("the calling policy in the dialer", () => {
  it("outside 09:00–20:00 clinic time a task waits and resumes by itself at the next 09:00", async () => {
    const night = shanghai(21, 30);
    const script = await createScript(company.companyId, company.clinicIds);
    const [p] = await createPatients(company.companyId, company.clinicIds[0]!, 1);
    const [t] = await queue(script.id, [p!.id], night);
    expect((await tick(night)).claimed.some((c) => c.taskId === t!.id)).toBe(false);
    expect(await task(t!.id)).toMatchObject({ status: "pending", reason: "outsideCallingWindow", nextAttemptAt: shanghai(9, 0, 1) });
    expect((await tick(shanghai(8, 59, 1))).claimed.some((c) => c.taskId === t!.id)).toBe(false);
    expect((await tick(shanghai(9, 0, 1))).claimed.some((c) => c.taskId === t!.id)).toBe(true);
  });

  it("intercepts a second outreach of the same script within 15 days, and a fifth within 30 days", async () => {
    const t0 = shanghai(10);
    const scripts = await Promise.all([1, 2, 3, 4, 5].map(() => createScript(company.companyId, company.clinicIds)));
    const [p] = await createPatients(company.companyId, company.clinicIds[0]!, 1);
    await pastCall(scripts[0]!.id, p!, new Date(t0.getTime() - 14 * 86_400_000), false);
    const [again] = await queue(scripts[0]!.id, [p!.id], t0);
    await tick(t0);
    expect(await task(again!.id)).toMatchObject({ status: "intercepted", reason: "sameScriptWithin15Days" });

    for (const [i, s] of scripts.slice(1, 4).entries()) await pastCall(s.id, p!, new Date(t0.getTime() - (20 + i) * 86_400_000), false);
    const [fifth] = await queue(scripts[4]!.id, [p!.id], t0);
    await tick(t0);
    expect(await task(fifth!.id)).toMatchObject({ status: "intercepted", reason: "outreachesWithin30Days" });
  });

  it("applies the carrier's rules by script category", async () => {
    const t0 = shanghai(11);
    const marketing = await createScript(company.companyId, company.clinicIds, { category: "marketing" });
    const earlier = await createScript(company.companyId, company.clinicIds, { category: "marketing" });
    const [p] = await createPatients(company.companyId, company.clinicIds[0]!, 1);
    await pastCall(earlier.id, p!, new Date(t0.getTime() - 3 * 86_400_000), true);
    const [t] = await queue(marketing.id, [p!.id], t0);
    await tick(t0);
    expect(await task(t!.id)).toMatchObject({ status: "intercepted", reason: "carrierMarketingConnected15Days" });
  });

  it("blocks numbers on the do-not-call lists, and blocks when the list cannot be read", async () => {
    const db = testDb();
    const t0 = shanghai(12);
    const script = await createScript(company.companyId, company.clinicIds);
    const [vanity] = await createPatients(company.companyId, company.clinicIds[0]!, 1, { mobile: "13999999999" });
    const [optedOut, plain] = await createPatients(company.companyId, company.clinicIds[0]!, 2);
    await db.dncEntry.create({ data: { companyId: company.companyId, kind: "optOut", mobile: optedOut!.mobile, source: "callIntent" } });
    const tasks = await queue(script.id, [vanity!.id, optedOut!.id], t0);
    await tick(t0);
    expect((await task(tasks[0]!.id)).reason).toBe("dncVanityNumber");
    expect(await task(tasks[1]!.id)).toMatchObject({ status: "intercepted", reason: "dncOptOut" });

    const [t] = await queue(script.id, [plain!.id], t0);
    const failing = async () => {
      throw new Error("DNC service unavailable");
    };
    const stats = await claimCompanyTasks(db, company.companyId, [script.id], { now: t0, workerId: "w", loadDnc: failing });
    expect(stats.claimed).toHaveLength(0);
    expect(await task(t!.id)).toMatchObject({ status: "intercepted", reason: "dncLookupFailed" });
  });
});
