import { beforeAll, describe, expect, it } from "vitest";
import { previewBatchCall } from "@/server/services/dialer/batch/preview-batch-call";
import { callerFor, seeded, testDb } from "./fixtures";
import { createDialerCompany, createPatients, createScript, shanghai } from "./dialer-fixtures";

let company: Awaited<ReturnType<typeof createDialerCompany>>;
let scope: { companyId: string; clinicIds: string[] };
let patientIds: string[];
let groups: { normal: string[]; noMobile: string; notRegistered: string; vanity: string; closedClinic: string };

beforeAll(async () => {
  company = await createDialerCompany("batchprev", { seatsPerScript: 3 });
  scope = { companyId: company.companyId, clinicIds: company.clinicIds };
  const [c0, , c2] = company.clinicIds as [string, string, string];
  const normal = await createPatients(company.companyId, c0, 5);
  const [noMobile] = await createPatients(company.companyId, c0, 1, { mobile: null });
  const [notRegistered] = await createPatients(company.companyId, c0, 1, { registered: false });
  const [vanity] = await createPatients(company.companyId, c0, 1, { mobile: "13588888888" });
  const [closedClinic] = await createPatients(company.companyId, c2, 1); // only the first two clinics are opened
  groups = { normal: normal.map((p) => p.id), noMobile: noMobile!.id, notRegistered: notRegistered!.id, vanity: vanity!.id, closedClinic: closedClinic!.id };
  patientIds = [...groups.normal, groups.noMobile, groups.notRegistered, groups.vanity, groups.closedClinic];
});

const byReason = (list: { reason: string; count: number }[]) => Object.fromEntries(list.map((g) => [g.reason, g.count]));

describe("批量外呼 preview", () => {
  it("splits the selection into called now, queued for seats, intercepted and refused, writing nothing", async () => {
    const script = await createScript(company.companyId, company.clinicIds);
    const before = await testDb().callTask.count({ where: { companyId: company.companyId } });
    const preview = await previewBatchCall(testDb(), scope, { scriptId: script.id, patientIds }, shanghai(10));
    expect(preview).toMatchObject({ selected: 9, now: 3, queued: 2, alreadyQueued: 0, deferred: [] });
    expect(byReason(preview.intercepted)).toEqual({ dncVanityNumber: 1 });
    expect(byReason(preview.refused)).toEqual({ noMobile: 1, notRegistered: 1, clinicNotOpened: 1 });
    expect(preview.refused.find((g) => g.reason === "noMobile")?.label).toBe("客户暂无手机号");
    expect(await testDb().callTask.count({ where: { companyId: company.companyId } })).toBe(before);
  });

  it("outside 09:00–20:00 judges every rule at the window's opening, listing each patient's outcome", async () => {
    const script = await createScript(company.companyId, company.clinicIds);
    const day = await previewBatchCall(testDb(), scope, { scriptId: script.id, patientIds }, shanghai(10));
    const night = await previewBatchCall(testDb(), scope, { scriptId: script.id, patientIds }, shanghai(21));
    expect(night.callingWindow).toMatchObject({ dayOffset: 1, time: "09:00" });
    expect(night.deferred).toEqual([]);
    expect(byReason(night.intercepted)).toEqual(byReason(day.intercepted));
    expect(byReason(night.refused)).toEqual(byReason(day.refused));
    expect(night.now + night.queued).toBe(5);
    const vanity = night.patients.find((p) => p.patientId === groups.vanity);
    expect(vanity).toMatchObject({ outcome: "intercepted", reason: "dncVanityNumber", label: "禁呼名单：靓号" });
    expect(night.patients.find((p) => p.patientId === groups.noMobile)).toMatchObject({ outcome: "refused", reason: "noMobile" });
    expect(night.patients.map((p) => p.patientId)).toEqual(patientIds);
    expect(night.nothingToStart).toBe(false);
    const hopeless = await previewBatchCall(testDb(), scope, { scriptId: script.id, patientIds: [groups.noMobile, groups.notRegistered] }, shanghai(21));
    expect(hopeless.nothingToStart).toBe(true);
  });

  it("says a paused script keeps them waiting, and leaves out patients already queued", async () => {
    const paused = await createScript(company.companyId, company.clinicIds, { status: "paused" });
    expect(byReason((await previewBatchCall(testDb(), scope, { scriptId: paused.id, patientIds }, shanghai(10))).deferred)).toEqual({ scriptPaused: 6 });

    const script = await createScript(company.companyId, company.clinicIds);
    const asAdmin = await callerFor(company.admin.id);
    const started = await asAdmin.batchCall.start({ scriptId: script.id, patientIds: groups.normal.slice(0, 2) });
    expect(started.queued).toBe(2);
    const preview = await previewBatchCall(testDb(), scope, { scriptId: script.id, patientIds }, shanghai(10));
    expect(preview.alreadyQueued).toBe(2);
    expect(preview.now + preview.queued).toBe(3);
  });

  it("refuses journey-only scripts, other tenants' patients, and callers who may not start calls", async () => {
    const journeyOnly = await createScript(company.companyId, company.clinicIds, { journeyOnly: true });
    await expect(previewBatchCall(testDb(), scope, { scriptId: journeyOnly.id, patientIds }, shanghai(10))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const script = await createScript(company.companyId, company.clinicIds);
    const s = await seeded();
    const foreign = await testDb().patient.findFirstOrThrow({ where: { companyId: s.a.company.id } });
    await expect(previewBatchCall(testDb(), scope, { scriptId: script.id, patientIds: [foreign.id] }, shanghai(10))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const asFrontDesk = await callerFor(s.a.frontDesk.id);
    await expect(asFrontDesk.batchCall.preview({ scriptId: script.id, patientIds })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists the chosen patients in the caller's scope, masking numbers without 查看完整手机号", async () => {
    const asAdmin = await callerFor(company.admin.id);
    const rows = await asAdmin.batchCall.patients({ ids: patientIds });
    expect(rows.map((r) => r.id)).toEqual(patientIds);
    const s = await seeded();
    expect(await (await callerFor(s.a.admin.id)).batchCall.patients({ ids: patientIds })).toEqual([]);
  });
});
