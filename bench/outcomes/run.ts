/**
 * Outcomes bench: `npx tsx bench/outcomes/run.ts [--reseed] [--runs=20]`. Builds bench/records' 1 M-call world (one
 * company, 3 clinics, 20 scripts, 90 days; seedBenchRecords) in its own database, adds bookings after a share of the
 * answered calls (appointments 1 h after, visits 3 days after, a deduction on the visit day), then prints p50/p95 of
 * the issue-26 funnel (outcomes.funnel: one script, one clinic + 30 days, a whole company) and 效果分析's per-script
 * table. Target: BENCH_DATABASE_URL, default zw_bench_outcomes (created when missing).
 */
import pg from "pg";
import { createPrismaClient } from "../../server/db/create-client";
import { migrateDeploy } from "../../prisma/engine/migrate-deploy";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { getFunnel } from "../../server/services/outcomes/get-funnel";
import { getScriptFunnels } from "../../server/services/outcomes/get-script-funnels";
import { recountCallTotals } from "../../server/services/metrics/recount-call-totals";
import { recountOutcomes } from "../../server/services/outcomes/credit-outcomes";
import { seedBenchRecords } from "../records/seed-records";
import { table, timeCase, type CaseResult } from "../records/measure";
import { describeLoad, machineLoad, writeResult } from "../results";

const args = new Set(process.argv.slice(2));
const runs = Number([...args].find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 20);
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/zw_bench_outcomes";
const log = (line: string) => console.error(`· ${line}`);

async function ensureDatabase(reseed: boolean) {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  try {
    const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount;
    if (exists && reseed) await admin.query(`drop database "${name}" with (force)`);
    if (!exists || reseed) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  await migrateDeploy(url, { quiet: true });
}

/** Every 12th answered call's patient books an hour later and two thirds of them come 3 days later and pay. */
async function seedBookings(companyId: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(
      `INSERT INTO "Appointment" (id, "companyId", "clinicId", "patientId", "startsAt", "createdAt", status)
       SELECT 'bapp_' || x.id, x."companyId", x."clinicId", x."patientId", x."answeredAt" + interval '3 days', x."answeredAt" + interval '1 hour', 'scheduled'
         FROM (SELECT c.*, row_number() OVER (ORDER BY c.id) AS n FROM "Call" c WHERE c."companyId" = $1 AND c.outcome = 'answered' AND c."answeredAt" IS NOT NULL) x
        WHERE x.n % 12 = 0
       ON CONFLICT DO NOTHING`,
      [companyId],
    );
    await c.query(
      `INSERT INTO "Visit" (id, "companyId", "clinicId", "patientId", "visitedAt")
       SELECT 'bvis_' || a.id, a."companyId", a."clinicId", a."patientId", a."startsAt" FROM "Appointment" a
        WHERE a."companyId" = $1 AND a.id LIKE 'bapp_%' AND hashtext(a.id) % 3 <> 0
       ON CONFLICT DO NOTHING`,
      [companyId],
    );
    await c.query(
      `INSERT INTO "TreatmentDeduction" (id, "companyId", "clinicId", "patientId", "performedAt", item, "amountCents")
       SELECT 'bded_' || v.id, v."companyId", v."clinicId", v."patientId", v."visitedAt" + interval '1 hour', '洁牙', 28800 FROM "Visit" v
        WHERE v."companyId" = $1 AND v.id LIKE 'bvis_%'
       ON CONFLICT DO NOTHING`,
      [companyId],
    );
    await c.query(`ANALYZE "Appointment", "Visit", "TreatmentDeduction"`);
  } finally {
    await c.end();
  }
}

async function main() {
  await ensureDatabase(args.has("--reseed"));
  const db = createPrismaClient(url);
  const now = new Date();
  const demo = await seedDemo(db, now);
  const company = await db.company.findUniqueOrThrow({ where: { id: demo.companyId }, include: { clinics: { orderBy: { createdAt: "asc" } } } });
  const staff = await db.user.findMany({ where: { companyId: company.id }, include: { role: true } });
  const admin = staff.find((u) => u.role?.key === "companyAdmin")!;
  if ((await db.call.count({ where: { companyId: company.id } })) < 1_000_000) {
    const t0 = performance.now();
    await seedBenchRecords(url, {
      companyId: company.id,
      clinicIds: company.clinics.map((c) => c.id),
      consultantIds: staff.filter((u) => u.role?.key === "consultant").map((u) => u.id),
      onlineConsultantIds: staff.filter((u) => u.role?.key === "onlineConsultant").map((u) => u.id),
      adminId: admin.id,
      now,
      calls: 1_000_000,
      scripts: 20,
      days: 90,
      patients: 60_000,
      firstScriptShare: 0.145,
      log,
    });
    await recountCallTotals(db, company.id);
    log(`seeded the 1 M-call world in ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  const freshBookings = (await db.appointment.count({ where: { companyId: company.id, id: { startsWith: "bapp_" } } })) === 0;
  if (freshBookings) await seedBookings(company.id);
  // Bookings inserted directly (or a world built before the credits existed: the migration marks it stale) are
  // credited by the write path's recreditPatients over every booked patient — the backfill, timed.
  const stale = (await db.company.findUniqueOrThrow({ where: { id: company.id }, select: { outcomeCreditsStaleAt: true } })).outcomeCreditsStaleAt;
  if (freshBookings || stale) {
    const t0 = performance.now();
    await recountOutcomes(db, company.id);
    await db.company.update({ where: { id: company.id }, data: { outcomeCreditsStaleAt: null } });
    log(`credited the bookings (recountOutcomes) in ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  await db.$executeRaw`ANALYZE "OutcomeDailyTotal", "Appointment", "Visit"`;
  await db.$executeRaw`ANALYZE "CallDailyTotal", "Call", "CallTask"`;

  const scripts = await db.script.findMany({ where: { companyId: company.id, name: { startsWith: "压测话术" } }, orderBy: { name: "asc" } });
  const scope = { companyId: company.id, clinicIds: company.clinics.map((c) => c.id) };
  const day = (offset: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(now.getTime() - offset * 86_400_000));
  const counts = {
    calls: await db.call.count({ where: { companyId: company.id } }),
    appointments: await db.appointment.count({ where: { companyId: company.id } }),
    visits: await db.visit.count({ where: { companyId: company.id } }),
  };
  log(`data: ${JSON.stringify(counts)}`);
  const load = machineLoad();
  const note = (r: unknown) => {
    const f = (r as Awaited<ReturnType<typeof getFunnel>>).funnel;
    return `呼叫 ${f.dialed} · 预约 ${f.booked} · 到诊 ${f.visited}`;
  };
  const results: CaseResult[] = [];
  results.push(await timeCase("漏斗 · 一个话术（最大，全部时间）— 详情", () => getFunnel(db, scope, { scriptId: scripts[0]!.id }), { runs, note }));
  results.push(await timeCase("漏斗 · 一个话术（小）— 详情", () => getFunnel(db, scope, { scriptId: scripts[7]!.id }), { runs, note }));
  results.push(await timeCase("漏斗 · 一家门店 + 近30天", () => getFunnel(db, scope, { clinicId: scope.clinicIds[0]!, from: day(29), to: day(0) }), { runs, note }));
  results.push(await timeCase("漏斗 · 全公司（全部时间）— 效果分析", () => getFunnel(db, scope, {}), { runs, note }));
  results.push(await timeCase("效果分析 · 每个话术一行", () => getScriptFunnels(db, scope), { runs: Math.min(runs, 5) }));
  await db.$disconnect();
  console.log(`\n数据量：${JSON.stringify(counts)}\n`);
  console.log(table(results));
  const machine = load();
  console.log(`\n${describeLoad(machine)}`);
  console.log(`JSON: ${writeResult("outcomes", { counts, cases: results, machine })}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
