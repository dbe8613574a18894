import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setStorageForTests } from "@/server/adapters/storage";
import { setSmsForTests } from "@/server/adapters/sms";
import { SimulatorSms } from "@/server/adapters/sms/simulator-sms";
import { simulatorStorage } from "@/server/adapters/carrier/simulator";
import { MemoryStorage } from "@/tests/support/memory-storage";
import { callerFor, testDb } from "./fixtures";
import { createDialerCompany, createPatients, shanghai } from "./dialer-fixtures";
import { CarrierHarness, NO_FAULTS, createSmsScript, simMobile, useTempDataDir } from "./carrier-fixtures";

/**
 * Issue 26: a 转人工 nobody answered files a 回访任务 (转人工未接通) for the patient's owner — the simulator's path here
 * (its transfer leg is deterministic from the number: fifth- and sixth-from-last digits 9 8 answered, 9 9 not; docs/carrier-simulator.md).
 * The Tencent CCC path (ServeParticipants' AcceptTimestamp) is in tencent-features.int.test.ts.
 */
const storage = new MemoryStorage();
let company: Awaited<ReturnType<typeof createDialerCompany>>;
let cleanUp: () => Promise<void>;

beforeAll(async () => {
  cleanUp = await useTempDataDir();
  setStorageForTests(storage);
  setSmsForTests(new SimulatorSms());
  company = await createDialerCompany("i26xfer");
});
afterAll(async () => {
  setStorageForTests(undefined);
  setSmsForTests(undefined);
  await cleanUp();
});

/** An answered, interested patient (persona 0, last two 30) whose fifth- and sixth-from-last digits ask for the transfer. */
function transferMobile(kind: "answered" | "rangOut" | "none"): string {
  const [fifth, sixth] = kind === "answered" ? ["9", "8"] : kind === "rangOut" ? ["9", "9"] : ["0", "0"];
  for (;;) {
    const m = simMobile(0, "30");
    if (m.charAt(m.length - 5) === fifth && m.charAt(m.length - 6) === sixth) return m;
  }
}

/** Days from today (Shanghai) to a working day: 0 on Monday–Friday. */
function workdayOffset(): number {
  const weekday = new Date(shanghai(12).getTime() + 8 * 3600_000).getUTCDay();
  return weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
}

describe("转人工 through the carrier simulator", () => {
  it("stores whether the front desk answered; an unanswered transfer is a task for the patient's 网电咨询师, due by 18:00", async () => {
    const db = testDb();
    const clinicId = company.clinicIds[0]!;
    await db.clinic.update({ where: { id: clinicId }, data: { frontDeskSkillGroupId: 4711 } });
    const online = await db.user.findFirstOrThrow({
      where: { companyId: company.companyId, active: true, role: { key: "onlineConsultant" }, OR: [{ allClinics: true }, { userClinics: { some: { clinicId } } }] },
      select: { id: true },
    });
    const answered = transferMobile("answered");
    const unanswered = transferMobile("rangOut");
    const none = transferMobile("none");
    const script = await createSmsScript(company.companyId, company.clinicIds, { hangupSms: false }); // 营销类
    const patients = [];
    for (const mobile of [answered, unanswered, none]) patients.push(...(await createPatients(company.companyId, clinicId, 1, { mobile })));
    await db.patient.updateMany({ where: { id: { in: patients.map((p) => p.id) } }, data: { onlineConsultantId: online.id } });

    // 10:00 in Shanghai on a working day (today, or the coming Monday).
    const harness = new CarrierHarness(shanghai(10, 0, workdayOffset()), NO_FAULTS, simulatorStorage());
    const uninstall = harness.install();
    try {
      await harness.dial(company.companyId, script.id, patients.map((p) => p.id));
      await harness.run(120);
    } finally {
      uninstall();
    }
    const calls = await db.call.findMany({ where: { scriptId: script.id }, select: { id: true, mobile: true, outcome: true, transferredTo: true, transferAnswered: true, patientId: true } });
    const call = (m: string) => calls.find((c) => c.mobile === m)!;
    expect(call(answered)).toMatchObject({ outcome: "answered", transferredTo: "前台技能组 4711", transferAnswered: true });
    expect(call(unanswered)).toMatchObject({ outcome: "answered", transferredTo: "前台技能组 4711", transferAnswered: false });
    expect(call(none)).toMatchObject({ outcome: "answered", transferredTo: null, transferAnswered: null });

    const tasks = await db.followUpTask.findMany({ where: { callId: { in: calls.map((c) => c.id) } }, select: { callId: true, reason: true, executorId: true, dueAt: true, title: true, status: true } });
    const missed = tasks.filter((t) => t.reason === "transferUnanswered");
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatchObject({ callId: call(unanswered).id, executorId: online.id, status: "pending" });
    expect(missed[0]!.title).toContain("转人工未接通");
    // The call-back deadline: the same working day by 18:00 Shanghai (10:00 UTC).
    expect(missed[0]!.dueAt.toISOString()).toBe(shanghai(18, 0, workdayOffset()).toISOString());
    // Filed once, as 转人工未接通 — not also as the 需回电 the patient's words make.
    expect(tasks.filter((t) => t.callId === call(unanswered).id).map((t) => t.reason)).toEqual(["transferUnanswered"]);
    // The front desk took the other one: no 转人工未接通 for it.
    expect(tasks.some((t) => t.callId === call(answered).id && t.reason === "transferUnanswered")).toBe(false);

    // 话单详情 says whether the leg was answered; the worklist filters by the reason.
    const asAdmin = await callerFor(company.admin.id);
    expect(await asAdmin.callRecords.byId({ id: call(unanswered).id })).toMatchObject({ transferredTo: "前台技能组 4711", transferAnswered: false });
    expect(await asAdmin.callRecords.byId({ id: call(answered).id })).toMatchObject({ transferAnswered: true });
    expect(await asAdmin.callRecords.byId({ id: call(none).id })).toMatchObject({ transferredTo: null, transferAnswered: null });
    const asOnline = await callerFor(online.id);
    const listed = await asOnline.followUps.tasks({ reason: "transferUnanswered", mine: true });
    expect(listed.items.map((t: { patient: { id: string } }) => t.patient.id)).toContain(call(unanswered).patientId);
  }, 90_000);

  it("never transfers when the clinic has no front desk set (the request carries no transfer)", async () => {
    const db = testDb();
    const clinicId = company.clinicIds[1]!;
    await db.clinic.update({ where: { id: clinicId }, data: { frontDeskSkillGroupId: null } });
    const mobile = transferMobile("rangOut");
    const script = await createSmsScript(company.companyId, [clinicId], { hangupSms: false });
    const patients = await createPatients(company.companyId, clinicId, 1, { mobile });
    const harness = new CarrierHarness(shanghai(11), NO_FAULTS, simulatorStorage());
    const uninstall = harness.install();
    try {
      await harness.dial(company.companyId, script.id, patients.map((p) => p.id));
      await harness.run(120);
    } finally {
      uninstall();
    }
    const c = await db.call.findFirstOrThrow({ where: { scriptId: script.id }, select: { id: true, outcome: true, transferredTo: true, transferAnswered: true } });
    expect(c).toMatchObject({ outcome: "answered", transferredTo: null, transferAnswered: null });
    expect(await db.followUpTask.count({ where: { callId: c.id, reason: "transferUnanswered" } })).toBe(0);
  }, 90_000);
});
