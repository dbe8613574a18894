import pg from "pg";
import { createPrismaClient, type PrismaClient } from "../../server/db/create-client";
import { migrateDeploy } from "../../prisma/engine/migrate-deploy";
import { seedPlatform } from "../../prisma/seed/seed-platform";
import { newId } from "../../prisma/seed/ids";

export interface BenchWorld {
  db: PrismaClient;
  companyId: string;
  clinics: { id: string; timezone: string }[];
  scripts: { id: string; category: "service" | "marketing" }[];
  patients: { id: string; clinicId: string; mobile: string }[];
}

/** A fresh database for one run (dropped and created), migrated, with the platform DNC list. */
export async function freshDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  await migrateDeploy(url, { quiet: true });
}

/** Deterministic PRNG so both runs see the same world. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VANITY = ["13988888888", "15888888888", "13912345678", "18666666666", "13700000000"];

/**
 * One company (the product's defaults: 1000 seats, 50 per script, 60 dials a minute), 3 opened clinics — two in
 * Shanghai, one in Urumqi so the window is checked in more than one zone — 20 scripts (half 诊疗服务类, half 营销类) and
 * `patientCount` patients with distinct mobiles, a few of them on the platform's vanity list.
 */
export async function setupWorld(url: string, patientCount: number): Promise<BenchWorld> {
  await freshDatabase(url);
  const db = createPrismaClient(url);
  await seedPlatform(db);
  const companyId = newId();
  const now = new Date("2026-01-01T00:00:00Z");
  await db.company.create({ data: { id: companyId, name: "压测口腔连锁" } });
  await db.qualificationApplication.create({
    data: { companyId, applicantName: "压测", applicantMobile: "13700000001", companyName: "压测口腔连锁", status: "approved", submittedAt: now, reviewedAt: now },
  });
  await db.callBalanceEntry.create({ data: { companyId, delta: 10_000_000, reason: "topUp" } });
  const clinics = [
    { id: newId(), timezone: "Asia/Shanghai", shortName: "静安店", address: "上海市静安区南京西路1号" },
    { id: newId(), timezone: "Asia/Shanghai", shortName: "徐汇店", address: "上海市徐汇区漕溪北路2号" },
    { id: newId(), timezone: "Asia/Urumqi", shortName: "天山店", address: "新疆维吾尔自治区乌鲁木齐市天山区3号" },
  ];
  await db.clinic.createMany({ data: clinics.map((c) => ({ ...c, companyId, name: `压测口腔(${c.shortName})`, outboundOpenedAt: now })) });

  const scripts: BenchWorld["scripts"] = [];
  for (let i = 0; i < 20; i++) {
    const category = i < 10 ? ("service" as const) : ("marketing" as const);
    const dialogues = {
      scenarios: [{ key: "main-1", name: "主流程-1", rounds: [{ ai: "{patientTitle}您好，这里是{clinicShortName}。", replies: [] }] }],
      intents: [{ key: "interested", label: "有意向" }],
    };
    const template = await db.scriptTemplate.create({
      data: { companyId, key: `bench-${i}`, kind: "ai", name: `压测模版${i}`, category, paramSchema: [], scenarios: dialogues.scenarios, intents: dialogues.intents },
    });
    const script = await db.script.create({
      data: {
        companyId,
        name: `压测话术${i}`,
        kind: "ai",
        category,
        templateId: template.id,
        preview: dialogues,
        clinics: { create: clinics.map((c) => ({ clinicId: c.id })) },
      },
    });
    scripts.push({ id: script.id, category });
  }

  const random = rng(42);
  const used = new Set<string>();
  const patients: BenchWorld["patients"] = [];
  for (let i = 0; i < patientCount; i++) {
    let mobile = i < VANITY.length ? VANITY[i]! : "";
    while (!mobile || used.has(mobile)) mobile = `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, "0")}`;
    used.add(mobile);
    patients.push({ id: newId(), clinicId: clinics[Math.floor(random() * clinics.length)]!.id, mobile });
  }
  for (let i = 0; i < patients.length; i += 1000) {
    await db.patient.createMany({
      data: patients.slice(i, i + 1000).map((p, j) => ({ ...p, companyId, name: `患者${i + j}`, gender: j % 2 ? ("male" as const) : ("female" as const) })),
    });
  }
  return { db, companyId, clinics, scripts, patients };
}
