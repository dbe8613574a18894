import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, seeded, testDb } from "./fixtures";
import { createReminderScript, reminderJourneyGraph } from "./journey-fixtures";

/**
 * Issue 23, findings 2 and 3: a clinic admin (静安店 only, the seed's first clinic) against data shared with a clinic
 * outside their scope. Shared scripts and segments stay visible to them but read-only; nothing they do reaches another
 * clinic's queued calls or journeys.
 */
type S = Awaited<ReturnType<typeof seeded>>;
let s: S;
let own: string;
let other: string;
const TAG = `scope-${Date.now().toString(36)}`;

beforeAll(async () => {
  s = await seeded();
  const allowed = (await testDb().userClinic.findMany({ where: { userId: s.a.clinicAdmin.id } })).map((u) => u.clinicId);
  own = allowed[0]!;
  other = s.a.company.clinics.map((c) => c.id).find((id) => !allowed.includes(id))!;
  expect(other).toBeDefined();
});

async function sharedScriptWithQueuedTaskElsewhere(name: string) {
  const db = testDb();
  const script = await createReminderScript(s.a.company.id, own, name);
  await db.scriptClinic.create({ data: { scriptId: script.id, clinicId: other } });
  const patient = await db.patient.create({ data: { companyId: s.a.company.id, clinicId: other, name: `${TAG}他店患者`, mobile: "13700009999", hasOwnMobile: true } });
  const task = await db.callTask.create({
    data: { companyId: s.a.company.id, clinicId: other, scriptId: script.id, patientId: patient.id, mobile: patient.mobile, source: "batch", maxAttempts: 1 },
  });
  return { script, task };
}

describe("a script shared with a clinic outside the caller's scope", () => {
  it("cannot be stopped, paused, enabled, edited or relabelled by a clinic admin; the other clinic's task stays queued", async () => {
    const { script, task } = await sharedScriptWithQueuedTaskElsewhere(`${TAG}共享话术`);
    const asClinicAdmin = await callerFor(s.a.clinicAdmin.id);
    // Still visible to them (it serves their clinic) …
    expect((await asClinicAdmin.scripts.byId({ id: script.id })).id).toBe(script.id);
    // … but every change is refused with a message saying why.
    const refused = { code: "FORBIDDEN", message: expect.stringContaining("无权管理的门店") };
    await expect(asClinicAdmin.scripts.stop({ id: script.id })).rejects.toMatchObject(refused);
    await expect(asClinicAdmin.scripts.pause({ id: script.id })).rejects.toMatchObject(refused);
    await expect(asClinicAdmin.scripts.enable({ id: script.id })).rejects.toMatchObject(refused);
    const { labels } = await asClinicAdmin.scripts.intentLabels({ scriptId: script.id });
    await expect(asClinicAdmin.scripts.updateIntentLabels({ scriptId: script.id, labels: labels.map((l) => ({ key: l.key, label: "改", canonical: l.canonical ?? undefined })) })).rejects.toMatchObject(refused);
    const voiceId = (await testDb().voice.findFirstOrThrow()).id;
    await expect(asClinicAdmin.scripts.update({ id: script.id, name: `${TAG}改名`, templateId: script.templateId, clinicIds: [own], voiceId })).rejects.toMatchObject(refused);
    const db = testDb();
    expect(await db.callTask.findUniqueOrThrow({ where: { id: task.id }, select: { status: true, reason: true } })).toEqual({ status: "pending", reason: null });
    expect(await db.script.findUniqueOrThrow({ where: { id: script.id }, select: { status: true, name: true } })).toEqual({ status: "enabled", name: script.name });

    // A company-wide admin manages every 适用门店: stopping works and cancels the task.
    const stopped = await (await callerFor(s.a.admin.id)).scripts.stop({ id: script.id });
    expect(stopped.cancelledTasks).toBe(1);
  });

  it("a script of the clinic admin's own clinics only stays theirs to pause and stop", async () => {
    const script = await createReminderScript(s.a.company.id, own, `${TAG}本店话术`);
    const asClinicAdmin = await callerFor(s.a.clinicAdmin.id);
    expect((await asClinicAdmin.scripts.pause({ id: script.id })).status).toBe("paused");
    expect((await asClinicAdmin.scripts.stop({ id: script.id })).status).toBe("stopped");
  });
});

describe("a company segment used by a journey of another clinic", () => {
  it("is read-only to a clinic admin, and the list does not name the other clinic's journey", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const seg = await asAdmin.segments.create({ name: `${TAG}人群`, definition: { conditions: [{ kind: "tags", tags: [TAG] }] } });
    const journey = await asAdmin.journeys.create({ name: `${TAG}他店旅程`, clinicId: other });
    const entry = reminderJourneyGraph(seg.id, "unused").nodes[0]!;
    await asAdmin.journeys.save({ id: journey.id, name: `${TAG}他店旅程`, graph: { nodes: [entry], edges: [] } });

    const asClinicAdmin = await callerFor(s.a.clinicAdmin.id);
    await expect(asClinicAdmin.journeys.byId({ id: journey.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const row = (await asClinicAdmin.segments.list()).find((r) => r.id === seg.id)!;
    expect(row).toMatchObject({ usedBy: [], readOnly: true });
    await expect(asClinicAdmin.segments.update({ id: seg.id, name: `${TAG}人群改`, definition: { conditions: [{ kind: "tags", tags: ["x"] }] } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(asClinicAdmin.segments.delete({ id: seg.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await testDb().segment.findUniqueOrThrow({ where: { id: seg.id } })).name).toBe(`${TAG}人群`);

    // The company admin sees the journey and may still edit the segment.
    expect((await asAdmin.segments.list()).find((r) => r.id === seg.id)).toMatchObject({ usedBy: [`${TAG}他店旅程`], readOnly: false });
    await expect(asAdmin.segments.update({ id: seg.id, name: `${TAG}人群改`, definition: { conditions: [{ kind: "tags", tags: [TAG] }] } })).resolves.toMatchObject({ name: `${TAG}人群改` });
  });
});
