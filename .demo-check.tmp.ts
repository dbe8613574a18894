import pg from "pg";
import { createPrismaClient } from "/work/wt/i26-finish/server/db/create-client";
import { migrateDeploy } from "/work/wt/i26-finish/prisma/engine/migrate-deploy";
import { seedDemo } from "/work/wt/i26-finish/prisma/seed/seed-demo";
import { seedDemoHistory } from "/work/wt/i26-finish/prisma/seed/demo-history";
import { getVariantTest } from "/work/wt/i26-finish/server/services/outcomes/get-variant-test";
import { getFunnel } from "/work/wt/i26-finish/server/services/outcomes/get-funnel";
import { getScriptFunnels } from "/work/wt/i26-finish/server/services/outcomes/get-script-funnels";
const url = "postgresql://postgres@127.0.0.1:5432/zw_i26_demo_check";
async function main() {
  const admin = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  if (!(await admin.query(`select 1 from pg_database where datname = 'zw_i26_demo_check'`)).rowCount) await admin.query(`create database zw_i26_demo_check`);
  await admin.end();
  await migrateDeploy(url, { quiet: true });
  const db = createPrismaClient(url);
  const t0 = Date.now();
  if ((await db.script.count()) === 0) { await seedDemo(db, new Date()); await seedDemoHistory(db, new Date()); }
  console.log("seeded in", Date.now() - t0, "ms");
  for (const name of ["种植牙专家面诊邀约", "半年未到店老客唤醒"]) {
    const s = await db.script.findFirstOrThrow({ where: { name } }); const cid = s.companyId; const scope = { companyId: cid, clinicIds: (await db.clinic.findMany({ where: { companyId: cid }, select: { id: true } })).map((c) => c.id) };
    const t = await getVariantTest(db, scope, { scriptId: s.id });
    console.log(name, JSON.stringify(t.verdict), t.variants.map((v) => `${v.key} answered=${v.funnel.answered} bookedCalls=${v.bookedCalls} booked=${v.funnel.booked} ci=${v.interval?.low.toFixed(3)}-${v.interval?.high.toFixed(3)}`));
    const f = await getFunnel(db, scope, { scriptId: s.id });
    const row = (await getScriptFunnels(db, scope)).scripts.find((r) => r.script.id === s.id)!;
    console.log(" funnel agrees:", f.funnel.dialed === row.funnel.dialed && f.funnel.booked === row.funnel.booked && f.funnel.visited === row.funnel.visited, f.funnel.dialed, f.funnel.booked, "weeks", f.weeks.length);
  }
  await db.$disconnect();
}
main().catch((e) => { console.error(e); process.exit(1); });
