import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDayRange } from "@/server/domain/time/local-day";
import { segmentDefinition, type SegmentDefinitionInput } from "@/server/domain/segments/segment-definition";
import { countSegment } from "@/server/services/segments/count-segment";
import { listSegmentPatientIds } from "@/server/services/segments/evaluate-segment";
import { callerFor, seeded, testDb } from "./fixtures";

// 10:00 on 25 November in Shanghai; "tomorrow" is the 26th there.
const NOW = new Date("2026-11-25T02:00:00Z");
const TAG = `人群测试-${Date.now().toString(36)}`;

type S = Awaited<ReturnType<typeof seeded>>;
let s: S;
const ids: Record<string, string> = {};

async function fixtures() {
  const db = testDb();
  const [c0, c1] = s.a.company.clinics;
  const base = { companyId: s.a.company.id, clinicId: c0!.id, tags: [TAG], mobile: "13911112222", hasOwnMobile: true };
  const make = async (key: string, extra: Record<string, unknown> = {}) => {
    const p = await db.patient.create({ data: { ...base, name: `人群${key}`, ...extra } });
    ids[key] = p.id;
    return p;
  };
  const appt = (patientId: string, startsAt: string, clinicId = c0!.id, status: "scheduled" | "cancelled" = "scheduled") =>
    db.appointment.create({ data: { companyId: s.a.company.id, clinicId, patientId, startsAt: new Date(startsAt), status } });
  const visit = (patientId: string, at: string) =>
    db.visit.create({ data: { companyId: s.a.company.id, clinicId: c0!.id, patientId, visitedAt: new Date(at) } });

  const p1 = await make("p1", { consultantId: s.a.consultant.id });
  await appt(p1.id, "2026-11-26T02:00:00Z");
  const p2 = await make("p2");
  await appt(p2.id, "2026-11-26T03:00:00Z", c0!.id, "cancelled");
  const p3 = await make("p3", { clinicId: c1!.id });
  await appt(p3.id, "2026-11-28T06:00:00Z", c1!.id);
  const p4 = await make("p4", { hasOwnMobile: false });
  await visit(p4.id, "2026-03-01T02:00:00Z");
  await db.treatmentDeduction.create({
    data: { companyId: s.a.company.id, clinicId: c0!.id, patientId: p4.id, performedAt: new Date("2026-11-20T03:00:00Z"), item: "补牙" },
  });
  const p5 = await make("p5");
  await visit(p5.id, "2026-02-01T02:00:00Z");
  await visit(p5.id, "2026-10-01T02:00:00Z");
  await db.benefit.create({
    data: { companyId: s.a.company.id, clinicId: c0!.id, patientId: p5.id, name: "洁牙券", expiresAt: new Date("2026-12-10T15:00:00Z") },
  });
  const p6 = await make("p6", { tags: [TAG, "会员"] });
  await db.benefit.createMany({
    data: [
      { companyId: s.a.company.id, clinicId: c0!.id, patientId: p6.id, name: "已过期", expiresAt: new Date("2026-11-20T00:00:00Z") },
      { companyId: s.a.company.id, clinicId: c0!.id, patientId: p6.id, name: "已使用", expiresAt: new Date("2026-12-01T00:00:00Z"), usedAt: new Date("2026-11-01T00:00:00Z") },
    ],
  });
  // 00:30 on the 26th in Shanghai, still the 25th in UTC: it is "tomorrow" for the clinic.
  const p7 = await make("p7");
  await appt(p7.id, "2026-11-25T16:30:00Z");
}

beforeAll(async () => {
  s = await seeded();
  await fixtures();
});
afterAll(async () => {
  await testDb().patient.deleteMany({ where: { id: { in: Object.values(ids) } } });
});

/** Evaluates a definition over the fixture patients only (the TAG condition isolates them from the seeded ones). */
async function match(def: SegmentDefinitionInput, clinicId?: string) {
  const db = testDb();
  const scope = { companyId: s.a.company.id, clinicIds: s.a.company.clinics.map((c) => c.id) };
  const withTag = { match: "all" as const, conditions: [{ kind: "tags" as const, tags: [TAG] }, ...def.conditions] };
  const definition = def.match === "any" ? def : withTag;
  const { count } = await countSegment(db, scope, { definition, clinicId }, NOW);
  const found = await listSegmentPatientIds(
    db,
    { companyId: scope.companyId, clinicIds: clinicId ? [clinicId] : scope.clinicIds },
    segmentDefinition.parse(definition),
    { now: NOW, timeZone: "Asia/Shanghai" },
  );
  expect(found.length).toBe(count);
  const names = Object.entries(ids).filter(([, id]) => found.includes(id)).map(([k]) => k);
  return names.sort();
}

describe("segment conditions evaluated in SQL", () => {
  it("finds appointments tomorrow in the clinic's time zone, ignoring cancelled ones", async () => {
    expect(await match({ conditions: [{ kind: "appointment", window: "tomorrow" }] })).toEqual(["p1", "p7"]);
    expect(await match({ conditions: [{ kind: "appointment", window: "today" }] })).toEqual([]);
  });

  it("finds appointments within N days, optionally at given clinics", async () => {
    const c1 = s.a.company.clinics[1]!.id;
    expect(await match({ conditions: [{ kind: "appointment", window: "withinDays", days: 4 }] })).toEqual(["p1", "p3", "p7"]);
    expect(await match({ conditions: [{ kind: "appointment", window: "withinDays", days: 4, clinicIds: [c1] }] })).toEqual(["p3"]);
    expect(await match({ conditions: [{ kind: "appointment", window: "withinDays", days: 3 }] })).toEqual(["p1", "p7"]);
  });

  it("finds patients whose last visit is before a date, or N days ago", async () => {
    expect(await match({ conditions: [{ kind: "lastVisitBefore", date: "2026-06-01" }] })).toEqual(["p4"]);
    expect(await match({ conditions: [{ kind: "lastVisitBefore", daysAgo: 30 }] })).toEqual(["p4", "p5"]);
  });

  it("finds 划扣 within N days and unused benefits expiring within N days", async () => {
    expect(await match({ conditions: [{ kind: "deductionWithin", days: 7 }] })).toEqual(["p4"]);
    expect(await match({ conditions: [{ kind: "deductionWithin", days: 5 }] })).toEqual([]);
    expect(await match({ conditions: [{ kind: "benefitExpiring", days: 30 }] })).toEqual(["p5"]);
    expect(await match({ conditions: [{ kind: "benefitExpiring", days: 10 }] })).toEqual([]);
  });

  it("filters by tags (any / all), consultant, clinic and own mobile", async () => {
    expect(await match({ conditions: [{ kind: "tags", tags: [TAG, "会员"], match: "all" }] })).toEqual(["p6"]);
    expect(await match({ conditions: [{ kind: "consultant", consultantIds: [s.a.consultant.id] }] })).toEqual(["p1"]);
    expect(await match({ conditions: [{ kind: "clinic", clinicIds: [s.a.company.clinics[1]!.id] }] })).toEqual(["p3"]);
    expect(await match({ conditions: [{ kind: "ownMobile", value: false }] })).toEqual(["p4"]);
    expect(await match({ conditions: [], match: "all" }, s.a.company.clinics[1]!.id)).toEqual(["p3"]);
  });

  it("combines conditions with 且 and 或", async () => {
    expect(
      await match({ conditions: [{ kind: "appointment", window: "tomorrow" }, { kind: "ownMobile", value: true }, { kind: "consultant", consultantIds: [s.a.consultant.id] }] }),
    ).toEqual(["p1"]);
    const any = await match({
      match: "any",
      conditions: [
        { kind: "lastVisitBefore", date: "2026-06-01" },
        { kind: "benefitExpiring", days: 30 },
      ],
    });
    expect(any).toEqual(expect.arrayContaining(["p4", "p5"]));
    expect(any).not.toContain("p1");
  });

  it("agrees with a plain count of the seeded data for 预约明天到店", async () => {
    const db = testDb();
    const tomorrow = localDayRange(NOW, "Asia/Shanghai", 1);
    const expected = await db.patient.count({
      where: {
        companyId: s.a.company.id,
        appointments: { some: { status: "scheduled", startsAt: { gte: tomorrow.start, lt: tomorrow.end } } },
      },
    });
    const scope = { companyId: s.a.company.id, clinicIds: s.a.company.clinics.map((c) => c.id) };
    const { count } = await countSegment(db, scope, { definition: { conditions: [{ kind: "appointment", window: "tomorrow" }] } }, NOW);
    expect(count).toBe(expected);
  });
});

describe("segments through the API", () => {
  it("gives a live count and saves, lists and deletes segments", async () => {
    const asAdmin = await callerFor(s.a.admin.id);
    const live = await asAdmin.segments.count({ definition: { conditions: [{ kind: "tags", tags: [TAG] }] } });
    expect(live.count).toBe(7);
    expect(live.sample.length).toBeGreaterThan(0);
    await expect(asAdmin.segments.create({ name: "", definition: { conditions: [] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const created = await asAdmin.segments.create({ name: `测试人群${TAG}`, definition: { conditions: [{ kind: "tags", tags: [TAG] }] } });
    await expect(asAdmin.segments.create({ name: `测试人群${TAG}`, definition: { conditions: [{ kind: "tags", tags: [TAG] }] } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await asAdmin.segments.list()).map((x) => x.id)).toContain(created.id);
    await asAdmin.segments.delete({ id: created.id });
    expect((await asAdmin.segments.list()).map((x) => x.id)).not.toContain(created.id);
  });

  it("keeps each company to its own clinics, consultants and segments", async () => {
    const [asA, asB] = await Promise.all([callerFor(s.a.admin.id), callerFor(s.b.admin.id)]);
    const aClinic = s.a.company.clinics[0]!.id;
    await expect(asB.segments.count({ definition: { conditions: [] }, clinicId: aClinic })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      asB.segments.create({ name: "越权", definition: { conditions: [{ kind: "clinic", clinicIds: [aClinic] }] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const seg = await asA.segments.create({ name: `A的人群${TAG}`, definition: { conditions: [{ kind: "tags", tags: [TAG] }] } });
    await expect(asB.segments.delete({ id: seg.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asB.segments.list()).map((x) => x.id)).not.toContain(seg.id);
    const bCount = await asB.segments.count({ definition: { conditions: [{ kind: "tags", tags: [TAG] }] } });
    expect(bCount.count).toBe(0);
    await asA.segments.delete({ id: seg.id });
  });

  it("is refused to roles without 自动旅程", async () => {
    const asFrontDesk = await callerFor(s.a.frontDesk.id);
    await expect(asFrontDesk.segments.count({ definition: { conditions: [] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
