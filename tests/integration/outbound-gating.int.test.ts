import { describe, expect, it } from "vitest";
import { appPorts } from "@/server/adapters/app-ports";
import { createCallerFactory, createTRPCRouter } from "@/server/trpc/init";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { assertClinicOpened, listCallableClinicIds } from "@/server/services/dialer/outbound/load-outbound-access";
import { uploadQualificationDocument } from "@/server/services/qualification/upload-qualification-document";
import { QUALIFICATION_DOCUMENT_KINDS } from "@/server/domain/qualification/document-kinds";
import { callerFor, seeded, testDb } from "./fixtures";
import { APPLICANT, createFreshCompany, FILES, MemoryStorage } from "./onboarding-fixtures";

/** A stand-in for any 智能外呼 capability (scripts, calls, records …) built on the shared guard. */
const probeRouter = createTRPCRouter({ probe: outboundProcedure("outbound.calls.start").query(() => "ok") });
const probeCaller = async (userId: string) => createCallerFactory(probeRouter)({ db: testDb(), viewer: await loadViewer(testDb(), userId), ports: appPorts });

async function onboard(key: string) {
  const c = await createFreshCompany(key);
  const asAdmin = await callerFor(c.admin.id);
  await asAdmin.qualification.saveApplicant(APPLICANT);
  const viewer = (await loadViewer(testDb(), c.admin.id))!;
  for (const kind of QUALIFICATION_DOCUMENT_KINDS) {
    await uploadQualificationDocument(testDb(), new MemoryStorage(), viewer, { kind, fileName: "f.pdf", bytes: FILES.pdf });
  }
  const { id } = await asAdmin.qualification.submit();
  return { ...c, applicationId: id, scope: { companyId: c.companyId, clinicIds: c.clinicIds } };
}

describe("outbound gating", () => {
  it("refuses every 智能外呼 capability until approval, then allows it", async () => {
    const c = await onboard("onb-int-gate");
    const s = await seeded();
    const probe = await probeCaller(c.admin.id);
    await expect(probe.probe()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("审核") });
    await expect(assertClinicOpened(testDb(), c.scope, c.clinicIds[0]!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await listCallableClinicIds(testDb(), c.companyId)).toEqual([]);

    await (await callerFor(s.platformAdmin.id)).qualificationReview.approve({ id: c.applicationId, clinicIds: [c.clinicIds[0]!, c.clinicIds[1]!] });
    await expect(probe.probe()).resolves.toBe("ok");
    // The permission still applies on top of the approval.
    await expect((await probeCaller(c.frontDesk.id)).probe()).rejects.toMatchObject({ code: "FORBIDDEN", message: "没有权限执行此操作" });

    const overview = await (await callerFor(c.admin.id)).outbound.overview();
    expect(overview).toMatchObject({ access: "approved", enabled: true });
    expect(overview.openedClinics.map((o) => o.shortName)).toEqual(["一店", "二店"]);
  });

  it("lets only opened clinics call; the platform admin opens and closes more later", async () => {
    const c = await onboard("onb-int-clinics");
    const s = await seeded();
    const asPlatform = await callerFor(s.platformAdmin.id);
    await asPlatform.qualificationReview.approve({ id: c.applicationId, clinicIds: [c.clinicIds[0]!] });

    await expect(assertClinicOpened(testDb(), c.scope, c.clinicIds[0]!)).resolves.toMatchObject({ id: c.clinicIds[0] });
    await expect(assertClinicOpened(testDb(), c.scope, c.clinicIds[1]!)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "门店【二店】尚未开通智能外呼，如需开通更多门店请联系客服",
    });
    // Another company's clinic behaves like a missing one.
    await expect(assertClinicOpened(testDb(), c.scope, s.a.company.clinics[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await asPlatform.qualificationReview.setClinicOpened({ clinicId: c.clinicIds[1]!, opened: true });
    await expect(assertClinicOpened(testDb(), c.scope, c.clinicIds[1]!)).resolves.toBeTruthy();
    await asPlatform.qualificationReview.setClinicOpened({ clinicId: c.clinicIds[0]!, opened: false });
    await asPlatform.qualificationReview.setClinicOpened({ clinicId: c.clinicIds[0]!, opened: false }); // no-op, not audited twice
    await expect(assertClinicOpened(testDb(), c.scope, c.clinicIds[0]!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await listCallableClinicIds(testDb(), c.companyId)).toEqual([c.clinicIds[1]]);

    const audit = await testDb().auditLog.findMany({ where: { targetType: "clinic", targetId: { in: c.clinicIds } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.targetId, a.actorId])).toEqual([
      ["clinic.outbound.open", c.clinicIds[1], s.platformAdmin.id],
      ["clinic.outbound.close", c.clinicIds[0], s.platformAdmin.id],
    ]);
  });

  it("refuses to open clinics of a company that is not approved", async () => {
    const c = await onboard("onb-int-unapproved");
    const s = await seeded();
    await expect(
      (await callerFor(s.platformAdmin.id)).qualificationReview.setClinicOpened({ clinicId: c.clinicIds[0]!, opened: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await testDb().clinic.count({ where: { companyId: c.companyId, outboundOpenedAt: { not: null } } })).toBe(0);
  });

  it("keeps the seeded demo company approved with its two opened clinics", async () => {
    const s = await seeded();
    expect(await listCallableClinicIds(testDb(), s.a.company.id)).toHaveLength(2);
    expect(await listCallableClinicIds(testDb(), s.b.company.id)).toEqual([]);
  });
});
