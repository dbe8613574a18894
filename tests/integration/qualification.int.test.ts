import { describe, expect, it } from "vitest";
import { loadViewer } from "@/server/services/auth/load-viewer";
import { readQualificationDocument } from "@/server/services/qualification/read-qualification-document";
import { uploadQualificationDocument } from "@/server/services/qualification/upload-qualification-document";
import { QUALIFICATION_DOCUMENT_KINDS, type QualificationDocumentKind } from "@/server/domain/qualification/document-kinds";
import { callerFor, seeded, testDb } from "./fixtures";
import { APPLICANT, createFreshCompany, FILES, MemoryStorage } from "./onboarding-fixtures";

async function viewerOf(userId: string) {
  const viewer = await loadViewer(testDb(), userId);
  if (!viewer) throw new Error("no viewer");
  return viewer;
}

async function uploadAll(userId: string, storage: MemoryStorage, kinds: readonly QualificationDocumentKind[] = QUALIFICATION_DOCUMENT_KINDS) {
  const viewer = await viewerOf(userId);
  const files = [FILES.png, FILES.jpg, FILES.jpg, FILES.pdf];
  for (const [i, kind] of kinds.entries()) {
    await uploadQualificationDocument(testDb(), storage, viewer, { kind, fileName: `${kind}.bin`, bytes: files[i % files.length]! });
  }
}

async function submittedCompany(key: string) {
  const company = await createFreshCompany(key);
  const storage = new MemoryStorage();
  const asAdmin = await callerFor(company.admin.id);
  await asAdmin.qualification.saveApplicant(APPLICANT);
  await uploadAll(company.admin.id, storage);
  const submitted = await asAdmin.qualification.submit();
  return { ...company, storage, asAdmin, applicationId: submitted.id };
}

describe("qualification: the company's side", () => {
  it("goes from intro to draft to 审核中, and refuses to submit without all four documents", async () => {
    const c = await createFreshCompany("onb-int-flow");
    const storage = new MemoryStorage();
    const asAdmin = await callerFor(c.admin.id);

    expect(await asAdmin.outbound.overview()).toMatchObject({ access: "notApplied", enabled: false, openedClinics: [] });
    await expect(asAdmin.qualification.submit()).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await expect(asAdmin.qualification.saveApplicant({ ...APPLICANT, applicantMobile: "1391234567" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asAdmin.qualification.saveApplicant({ ...APPLICANT, termsAccepted: false as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await asAdmin.qualification.saveApplicant(APPLICANT);
    expect((await asAdmin.outbound.overview()).access).toBe("draft");

    await uploadAll(c.admin.id, storage, ["businessLicense", "legalIdFront", "legalIdBack"]);
    await expect(asAdmin.qualification.submit()).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "请先上传【入网安全承诺书】后再提交审核",
    });
    expect((await asAdmin.qualification.mine()).application).toMatchObject({ status: "draft", editable: true });

    await uploadAll(c.admin.id, storage, ["networkSecurityPledge"]);
    await expect(asAdmin.qualification.submit()).resolves.toMatchObject({ status: "pending" });
    const overview = await asAdmin.outbound.overview();
    expect(overview).toMatchObject({ access: "pending", enabled: false });

    // While 审核中 nothing can be changed or submitted again.
    await expect(asAdmin.qualification.submit()).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(asAdmin.qualification.saveApplicant(APPLICANT)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      uploadQualificationDocument(testDb(), storage, await viewerOf(c.admin.id), { kind: "businessLicense", fileName: "x.png", bytes: FILES.png }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const audit = await testDb().auditLog.findMany({ where: { companyId: c.companyId, targetType: "qualificationApplication" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["qualification.start", "qualification.submit"]);
  });

  it("rejects a file that is not really JPG/PNG/PDF and saves nothing", async () => {
    const c = await createFreshCompany("onb-int-badfile");
    const storage = new MemoryStorage();
    await (await callerFor(c.admin.id)).qualification.saveApplicant(APPLICANT);
    const viewer = await viewerOf(c.admin.id);
    await expect(
      uploadQualificationDocument(testDb(), storage, viewer, { kind: "businessLicense", fileName: "营业执照.pdf", bytes: FILES.fakePdf }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("仅支持 JPG、PNG 或 PDF") });
    await expect(
      uploadQualificationDocument(testDb(), storage, viewer, { kind: "nope", fileName: "a.pdf", bytes: FILES.pdf }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(storage.objects.size).toBe(0);
    expect(await testDb().qualificationDocument.count({ where: { application: { companyId: c.companyId } } })).toBe(0);
  });

  it("leaves nothing behind when storage fails, accepts the retry, and replaces a document cleanly", async () => {
    const c = await createFreshCompany("onb-int-retry");
    const storage = new MemoryStorage();
    await (await callerFor(c.admin.id)).qualification.saveApplicant(APPLICANT);
    const viewer = await viewerOf(c.admin.id);
    const upload = (bytes: Uint8Array, fileName = "license.png") =>
      uploadQualificationDocument(testDb(), storage, viewer, { kind: "businessLicense", fileName, bytes });

    storage.failPuts = 1;
    await expect(upload(FILES.png)).rejects.toThrow("storage unavailable");
    expect(await testDb().qualificationDocument.count({ where: { application: { companyId: c.companyId } } })).toBe(0);

    const first = await upload(FILES.png);
    expect(first).toMatchObject({ kind: "businessLicense", mimeType: "image/png", fileName: "license.png", sizeBytes: FILES.png.byteLength });
    const firstKey = (await testDb().qualificationDocument.findUniqueOrThrow({ where: { id: first.id } })).storageKey;

    const second = await upload(FILES.pdf, "营业执照.png");
    expect(second).toMatchObject({ mimeType: "application/pdf", fileName: "营业执照.pdf" });
    const rows = await testDb().qualificationDocument.findMany({ where: { application: { companyId: c.companyId } } });
    expect(rows).toHaveLength(1);
    expect([...storage.objects.keys()]).toEqual([rows[0]!.storageKey]);
    expect(rows[0]!.storageKey).not.toBe(firstKey);
  });

  it("removes the new object when the application stops being editable mid-upload", async () => {
    const c = await createFreshCompany("onb-int-race");
    const storage = new MemoryStorage();
    const asAdmin = await callerFor(c.admin.id);
    await asAdmin.qualification.saveApplicant(APPLICANT);
    await uploadAll(c.admin.id, storage, ["legalIdFront", "legalIdBack", "networkSecurityPledge"]);
    const before = new Set(storage.objects.keys());
    // Someone else submits between our object write and our row write.
    storage.beforePutResolves = async () => {
      storage.beforePutResolves = null;
      await testDb().qualificationApplication.updateMany({ where: { companyId: c.companyId }, data: { status: "pending" } });
    };
    await expect(
      uploadQualificationDocument(testDb(), storage, await viewerOf(c.admin.id), { kind: "businessLicense", fileName: "l.png", bytes: FILES.png }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(new Set(storage.objects.keys())).toEqual(before);
    expect(await testDb().qualificationDocument.count({ where: { application: { companyId: c.companyId }, kind: "businessLicense" } })).toBe(0);
  });

  it("serves documents only to the uploading company and platform admins", async () => {
    const c = await submittedCompany("onb-int-serve");
    const s = await seeded();
    const doc = await testDb().qualificationDocument.findFirstOrThrow({ where: { application: { companyId: c.companyId }, kind: "businessLicense" } });
    const read = async (userId: string) => readQualificationDocument(testDb(), c.storage, await viewerOf(userId), doc.id);

    await expect(read(c.admin.id)).resolves.toMatchObject({ mimeType: "image/png", fileName: "businessLicense.png" });
    await expect(read(s.platformAdmin.id)).resolves.toMatchObject({ mimeType: "image/png" });
    await expect(read(s.b.admin.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(read(c.frontDesk.id)).rejects.toMatchObject({ code: "NOT_FOUND" }); // same company, no onboarding permission
  });

  it("serves the legal representative's ID scans to the company admin and platform admins only, not to a clinic admin (issue 23)", async () => {
    const c = await submittedCompany("onb-int-legal-id");
    const s = await seeded();
    const docs = await testDb().qualificationDocument.findMany({ where: { application: { companyId: c.companyId } } });
    const read = async (userId: string, kind: string) => readQualificationDocument(testDb(), c.storage, await viewerOf(userId), docs.find((d) => d.kind === kind)!.id);
    await expect(read(c.clinicAdmin.id, "businessLicense")).resolves.toMatchObject({ mimeType: "image/png" });
    for (const kind of ["legalIdFront", "legalIdBack"]) {
      await expect(read(c.clinicAdmin.id, kind)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(read(c.admin.id, kind)).resolves.toHaveProperty("body");
      await expect(read(s.platformAdmin.id, kind)).resolves.toHaveProperty("body");
    }
  });
});

describe("qualification: platform review", () => {
  it("lets only platform admins review", async () => {
    const c = await submittedCompany("onb-int-who");
    const s = await seeded();
    for (const userId of [c.admin.id, s.a.admin.id, s.b.admin.id]) {
      const caller = await callerFor(userId);
      await expect(caller.qualificationReview.approve({ id: c.applicationId, clinicIds: [c.clinicIds[0]!] })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.qualificationReview.reject({ id: c.applicationId, reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.qualificationReview.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.qualificationReview.setClinicOpened({ clinicId: c.clinicIds[0]!, opened: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await testDb().qualificationApplication.findUniqueOrThrow({ where: { id: c.applicationId } })).status).toBe("pending");
  });

  it("rejects with a required reason, takes a corrected resubmission, approves once, and audits each decision", async () => {
    const c = await submittedCompany("onb-int-review");
    const s = await seeded();
    const asPlatform = await callerFor(s.platformAdmin.id);

    await expect(asPlatform.qualificationReview.reject({ id: c.applicationId, reason: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await asPlatform.qualificationReview.reject({ id: c.applicationId, reason: "营业执照照片模糊，请重新上传清晰照片" });
    expect(await c.asAdmin.outbound.overview()).toMatchObject({
      access: "rejected",
      enabled: false,
      qualification: { rejectReason: "营业执照照片模糊，请重新上传清晰照片" },
    });
    await expect(asPlatform.qualificationReview.approve({ id: c.applicationId, clinicIds: [c.clinicIds[0]!] })).rejects.toMatchObject({ code: "CONFLICT" });

    // The company corrects the license and resubmits.
    await uploadQualificationDocument(testDb(), c.storage, await viewerOf(c.admin.id), { kind: "businessLicense", fileName: "清晰.jpg", bytes: FILES.jpg });
    await expect(c.asAdmin.qualification.submit()).resolves.toMatchObject({ status: "pending" });

    const other = await seeded();
    await expect(
      asPlatform.qualificationReview.approve({ id: c.applicationId, clinicIds: [other.b.company.clinics[0]!.id] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asPlatform.qualificationReview.approve({ id: c.applicationId, clinicIds: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const [one, two] = await Promise.allSettled([
      asPlatform.qualificationReview.approve({ id: c.applicationId, clinicIds: [c.clinicIds[0]!, c.clinicIds[1]!] }),
      asPlatform.qualificationReview.approve({ id: c.applicationId, clinicIds: [c.clinicIds[2]!] }),
    ]);
    expect([one.status, two.status].sort()).toEqual(["fulfilled", "rejected"]);
    const refused = [one, two].find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT" });
    await expect(asPlatform.qualificationReview.approve({ id: c.applicationId, clinicIds: [c.clinicIds[0]!] })).rejects.toMatchObject({ code: "CONFLICT" });

    const clinics = await testDb().clinic.findMany({ where: { companyId: c.companyId, outboundOpenedAt: { not: null } } });
    expect(clinics).toHaveLength(one.status === "fulfilled" ? 2 : 1);

    const audit = await testDb().auditLog.findMany({ where: { targetId: c.applicationId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["qualification.start", "qualification.submit", "qualification.reject", "qualification.resubmit", "qualification.approve"]);
    const reject = audit.find((a) => a.action === "qualification.reject")!;
    expect(reject).toMatchObject({ actorId: s.platformAdmin.id, reason: "营业执照照片模糊，请重新上传清晰照片", companyId: c.companyId });
    expect(audit.find((a) => a.action === "qualification.approve")).toMatchObject({ actorId: s.platformAdmin.id });

    const detail = await asPlatform.qualificationReview.byId({ id: c.applicationId });
    expect(detail.documents.map((d) => d.kind)).toEqual([...QUALIFICATION_DOCUMENT_KINDS]);
    expect(detail.history.map((h) => h.action)).toContain("qualification.reject");
  });

  it("queues pending applications first, filters by status and searches by company", async () => {
    const pending = await submittedCompany("onb-int-queue-p");
    const rejected = await submittedCompany("onb-int-queue-r");
    const s = await seeded();
    const asPlatform = await callerFor(s.platformAdmin.id);
    await asPlatform.qualificationReview.reject({ id: rejected.applicationId, reason: "材料不全" });

    const all = await asPlatform.qualificationReview.list({ pageSize: 100 });
    const firstNonPending = all.items.findIndex((i) => i.status !== "pending");
    expect(all.items.slice(firstNonPending).every((i) => i.status !== "pending")).toBe(true);
    expect(all.items.some((i) => i.id === pending.applicationId)).toBe(true);
    expect(all.items.every((i) => i.status !== "draft")).toBe(true);

    const onlyRejected = await asPlatform.qualificationReview.list({ status: "rejected", pageSize: 100 });
    expect(onlyRejected.items.every((i) => i.status === "rejected")).toBe(true);
    expect(onlyRejected.items.map((i) => i.id)).toContain(rejected.applicationId);

    const search = await asPlatform.qualificationReview.list({ q: "onb-int-queue-p" });
    expect(search.items.map((i) => i.id)).toEqual([pending.applicationId]);

    // Paging over "pending, then reviewed" neither repeats nor skips rows.
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.total / 5); page++) pages.push(...(await asPlatform.qualificationReview.list({ page, pageSize: 5 })).items);
    expect(pages.map((i) => i.id)).toEqual(all.items.map((i) => i.id));
  });
});
