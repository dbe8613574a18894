import { createPrismaClient, type PrismaClient } from "../../server/db/create-client";
import { localDayRange } from "../../server/domain/time/local-day";
import { newId } from "../../prisma/seed/ids";
import { freshDatabase, rng } from "../dialer/setup-bench-db";

export interface JourneyBenchWorld {
  db: PrismaClient;
  companyId: string;
  clinicIds: string[];
  consultantIds: string[];
  scriptId: string;
  patients: number;
  /** Patients of clinic 0 with an appointment tomorrow (what one scheduled run dispatches). */
  tomorrowAtClinic0: number;
}

const TAGS = ["正畸意向", "种植意向", "洁牙", "儿童", "美白", "沉睡客户", "会员"];
const DAY = 86_400_000;
const CHUNK = 4000;

/**
 * One opened company with two Shanghai clinics, 20 consultants, an enabled fixed script (no patient data needed) and
 * `count` patients with tags, consultants, ~90 % own mobiles, and history around `now`: visits over two years, 划扣 over
 * 60 days, benefits expiring over 90 days, appointments over the next 14 days — plus exactly `tomorrow` patients of
 * clinic 0 with an appointment tomorrow (clinic time), the population of the scheduled run.
 */
export async function setupJourneyWorld(url: string, count: number, tomorrow: number, now: Date): Promise<JourneyBenchWorld> {
  await freshDatabase(url);
  const db = createPrismaClient(url);
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const companyId = newId();
  await db.company.create({ data: { id: companyId, name: "旅程压测口腔", seatLimit: 1000 } });
  await db.qualificationApplication.create({
    data: { companyId, applicantName: "压测", applicantMobile: "13700000001", companyName: "旅程压测口腔", status: "approved", submittedAt: now, reviewedAt: now },
  });
  const clinicIds = [newId(), newId()];
  await db.clinic.createMany({
    data: clinicIds.map((id, i) => ({ id, companyId, name: `旅程压测(${i})`, shortName: `${i}号店`, address: "上海市", timezone: "Asia/Shanghai", outboundOpenedAt: now })),
  });
  const consultantIds = Array.from({ length: 20 }, () => newId());
  await db.user.createMany({
    data: consultantIds.map((id, i) => ({ id, companyId, name: `咨询师${i}`, passwordHash: "x", email: `c${i}@bench.local` })),
  });
  const template = await db.scriptTemplate.create({
    data: {
      companyId,
      key: "bench-fixed",
      kind: "fixed",
      name: "压测固定模版",
      category: "service",
      paramSchema: [],
      scenarios: [{ key: "main-1", name: "固定话术", rounds: [{ ai: "您好，这里是口腔门诊，提醒您明天按时到店。", replies: [] }] }],
      intents: [{ key: "confirmed", label: "确认到店" }],
      body: "您好，这里是口腔门诊，提醒您明天按时到店。",
    },
  });
  const script = await db.script.create({
    data: {
      companyId,
      name: "压测预约提醒",
      kind: "fixed",
      category: "service",
      templateId: template.id,
      status: "enabled",
      journeyOnly: true,
      clinics: { create: clinicIds.map((clinicId) => ({ clinicId })) },
    },
  });

  const tomorrowRange = localDayRange(now, "Asia/Shanghai", 1);
  const patients: object[] = [];
  const appointments: object[] = [];
  const visits: object[] = [];
  const deductions: object[] = [];
  const benefits: object[] = [];
  // Patients first, then the rows that refer to them; every statement stays under PostgreSQL's 65535 parameters.
  const flush = async () => {
    if (patients.length) await db.patient.createMany({ data: patients.splice(0) as never });
    if (appointments.length) await db.appointment.createMany({ data: appointments.splice(0) as never });
    if (visits.length) await db.visit.createMany({ data: visits.splice(0) as never });
    if (deductions.length) await db.treatmentDeduction.createMany({ data: deductions.splice(0) as never });
    if (benefits.length) await db.benefit.createMany({ data: benefits.splice(0) as never });
  };

  for (let i = 0; i < count; i++) {
    const id = newId();
    const clinicId = i < count / 2 ? clinicIds[0]! : clinicIds[1]!;
    const own = rand() < 0.9;
    patients.push({
      id,
      companyId,
      clinicId,
      name: `患者${i}`,
      mobile: rand() < 0.97 ? `1${3 + Math.floor(rand() * 7)}${String(100_000_000 + i).slice(-9)}` : null,
      hasOwnMobile: own,
      registered: rand() < 0.95,
      tags: TAGS.filter(() => rand() < 0.15),
      consultantId: rand() < 0.8 ? pick(consultantIds) : null,
      createdAt: new Date(now.getTime() - Math.floor(rand() * 700) * DAY),
    });
    const ref = { companyId, clinicId, patientId: id };
    if (i < tomorrow) {
      appointments.push({ id: newId(), ...ref, startsAt: new Date(tomorrowRange.start.getTime() + (9 + (i % 10)) * 3_600_000), item: "洁牙" });
    } else if (rand() < 0.35) {
      // Any day of the next two weeks except tomorrow.
      const day = [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13][Math.floor(rand() * 13)]!;
      appointments.push({ id: newId(), ...ref, startsAt: new Date(localDayRange(now, "Asia/Shanghai", day).start.getTime() + 10 * 3_600_000), item: "复诊" });
    }
    const nVisits = Math.floor(rand() * 4);
    for (let v = 0; v < nVisits; v++) visits.push({ id: newId(), ...ref, visitedAt: new Date(now.getTime() - Math.floor(rand() * 730) * DAY) });
    if (rand() < 0.3) deductions.push({ id: newId(), ...ref, performedAt: new Date(now.getTime() - Math.floor(rand() * 60) * DAY), item: "补牙" });
    if (rand() < 0.2) benefits.push({ id: newId(), ...ref, name: "洁牙券", expiresAt: new Date(now.getTime() + Math.floor(rand() * 90 - 10) * DAY), usedAt: rand() < 0.3 ? now : null });
    if (patients.length >= CHUNK) await flush();
  }
  await flush();
  await db.$executeRawUnsafe(`ANALYZE`);
  return { db, companyId, clinicIds, consultantIds, scriptId: script.id, patients: count, tomorrowAtClinic0: tomorrow };
}
