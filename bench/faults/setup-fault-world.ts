import { createPrismaClient, type PrismaClient } from "../../server/db/create-client";
import { zonedParts } from "../../server/domain/time/local-day";
import { insertCallTasks, loadScriptForTasks } from "../../server/services/dialer/plan-call-tasks";
import { seedPlatform } from "../../prisma/seed/seed-platform";
import { newId } from "../../prisma/seed/ids";
import { freshDatabase, rng } from "../dialer/setup-bench-db";

export interface FaultWorld {
  db: PrismaClient;
  companyId: string;
  clinics: { id: string; timezone: string; open: boolean }[];
  scripts: { id: string; category: "service" | "marketing" }[];
  /** Each script's share of the patients: the campaign. */
  patientsByScript: { id: string }[][];
}

const ZONES = [
  "Asia/Shanghai", "Asia/Urumqi", "Asia/Tokyo", "Asia/Kolkata", "Asia/Dubai", "Europe/Moscow", "Europe/Berlin", "Europe/London",
  "America/Sao_Paulo", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Pacific/Honolulu",
  "Australia/Sydney", "Pacific/Auckland",
];
/**
 * Seats tighter than the product's defaults (1000 / 50) so that, with calls of a few seconds under time compression,
 * both seat limits really bind during the run; the throttle is the product's 60 dials a minute per script.
 */
export const LIMITS = { seatLimit: 80, seatsPerScript: 8, dialsPerMinuteScript: 60 };

const VANITY = ["13988888888", "15888888888", "13912345678", "18666666666", "13700000000"];

const inWindow = (at: Date, tz: string) => {
  const { hour } = zonedParts(at, tz);
  return hour >= 9 && hour < 20;
};

/**
 * The app clock is real here (two real processes), so the clinics' time zones are chosen for the moment of the run:
 * two where the calling window (09:00–20:00) is open for the whole run, one where it is closed — its tasks must be
 * deferred, never dialed, which the window check then proves.
 */
export function pickZones(now: Date, runMs: number): { open: string[]; closed: string } {
  const open = ZONES.filter((tz) => inWindow(now, tz) && inWindow(new Date(now.getTime() + runMs), tz));
  const closed = ZONES.find((tz) => !inWindow(now, tz) && !inWindow(new Date(now.getTime() + runMs), tz));
  if (open.length < 2 || !closed) throw new Error("no suitable time zones for the calling window right now");
  return { open: open.slice(0, 2), closed };
}

/** A fresh database with one company (LIMITS), 3 clinics, `scripts` scripts and one patient per task. */
export async function setupFaultWorld(url: string, opts: { scripts: number; tasksPerScript: number; runMs: number }): Promise<FaultWorld> {
  await freshDatabase(url);
  const db = createPrismaClient(url);
  await seedPlatform(db);
  const companyId = newId();
  const now = new Date();
  await db.company.create({ data: { id: companyId, name: "故障演练口腔连锁", ...LIMITS } });
  await db.qualificationApplication.create({
    data: { companyId, applicantName: "演练", applicantMobile: "13700000001", companyName: "故障演练口腔连锁", status: "approved", submittedAt: now, reviewedAt: now },
  });
  await db.callBalanceEntry.create({ data: { companyId, delta: 10_000_000, reason: "topUp" } });
  const zones = pickZones(now, opts.runMs);
  const clinics = [
    { id: newId(), timezone: zones.open[0]!, open: true, shortName: "静安店", address: "上海市静安区南京西路1号" },
    { id: newId(), timezone: zones.open[1]!, open: true, shortName: "徐汇店", address: "上海市徐汇区漕溪北路2号" },
    { id: newId(), timezone: zones.closed, open: false, shortName: "天山店", address: "新疆维吾尔自治区乌鲁木齐市天山区3号" },
  ];
  await db.clinic.createMany({
    data: clinics.map(({ open: _open, ...c }) => ({ ...c, companyId, name: `演练口腔(${c.shortName})`, outboundOpenedAt: now })),
  });

  const scripts: FaultWorld["scripts"] = [];
  for (let i = 0; i < opts.scripts; i++) {
    const category = i % 2 === 0 ? ("service" as const) : ("marketing" as const);
    const dialogues = {
      scenarios: [{ key: "main-1", name: "主流程-1", rounds: [{ ai: "{patientTitle}您好，这里是{clinicShortName}。", replies: [] }] }],
      intents: [{ key: "interested", label: "有意向" }],
    };
    const template = await db.scriptTemplate.create({
      data: { companyId, key: `fault-${i}`, kind: "ai", name: `演练模版${i}`, category, paramSchema: [], scenarios: dialogues.scenarios, intents: dialogues.intents },
    });
    const script = await db.script.create({
      data: { companyId, name: `演练话术${i}`, kind: "ai", category, templateId: template.id, preview: dialogues, clinics: { create: clinics.map((c) => ({ clinicId: c.id })) } },
    });
    scripts.push({ id: script.id, category });
  }

  const random = rng(13);
  const used = new Set<string>();
  const total = opts.scripts * opts.tasksPerScript;
  const patients: { id: string; clinicId: string; mobile: string }[] = [];
  for (let i = 0; i < total; i++) {
    let mobile = i < VANITY.length ? VANITY[i]! : "";
    while (!mobile || used.has(mobile)) mobile = `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, "0")}`;
    used.add(mobile);
    // 10 % of the patients belong to the clinic whose window is closed.
    const clinic = random() < 0.1 ? clinics[2]! : clinics[Math.floor(random() * 2)]!;
    patients.push({ id: newId(), clinicId: clinic.id, mobile });
  }
  for (let i = 0; i < patients.length; i += 1000) {
    await db.patient.createMany({
      data: patients.slice(i, i + 1000).map((p, j) => ({ ...p, companyId, name: `患者${i + j}`, gender: j % 2 ? ("male" as const) : ("female" as const) })),
    });
  }
  return { db, companyId, clinics: clinics.map(({ id, timezone, open }) => ({ id, timezone, open })), scripts, patientsByScript: chunk(patients, opts.tasksPerScript) };
}

/**
 * The campaign: every script's share of the patients becomes call tasks at once (as 【开始呼叫】 does), in one
 * transaction, so both app processes find all of it at their next tick, which they take in the same slot: their first
 * claims race (issue 21: 63 dials of one script in one rolling minute came from such a first burst).
 */
export async function startCampaign(world: FaultWorld): Promise<number> {
  let created = 0;
  const now = new Date();
  await world.db.$transaction(
    async (tx) => {
      for (const [i, script] of world.scripts.entries()) {
        const seeds = (world.patientsByScript[i] ?? []).map((p) => ({ patientId: p.id }));
        const loaded = (await loadScriptForTasks(tx, world.companyId, script.id))!;
        const r = await insertCallTasks(tx, { companyId: world.companyId, script: loaded, seeds, source: "batch", now });
        created += r.filter((t) => !t.failure).length;
      }
    },
    { timeout: 300_000 },
  );
  return created;
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
