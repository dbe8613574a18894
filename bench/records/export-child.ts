/**
 * Runs one 客户名单 export in its own process, so its peak RSS is the export's alone:
 * `tsx bench/records/export-child.ts <databaseUrl> <userId> <scriptId> <outFile> [stream|memory]`. Prints one JSON line.
 */
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import ExcelJS from "exceljs";
import { createPrismaClient } from "../../server/db/create-client";
import { loadViewer } from "../../server/services/auth/load-viewer";
import { exportScriptRoster } from "../../server/services/dialer/outbound/export-script-roster";
import { rosterLine, rosterScope, rosterSelect } from "../../server/services/dialer/outbound/roster-query";
import { ZH_ROSTER_LABELS } from "./roster-labels";

const [url, userId, scriptId, outFile, mode = "stream"] = process.argv.slice(2) as [string, string, string, string, string?];

async function main() {
  const db = createPrismaClient(url);
  const viewer = (await loadViewer(db, userId))!;
  const scope = { companyId: viewer.companyId!, clinicIds: viewer.clinicIds };
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  let at: NodeJS.MemoryUsage = process.memoryUsage();
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peak) [peak, at] = [m.rss, m];
  }, 20);
  const t0 = performance.now();
  let rows = 0;
  if (mode === "stream") {
    const { stream, done } = await exportScriptRoster(db, scope, viewer, { scriptId }, ZH_ROSTER_LABELS, new Date());
    await pipeline(stream, createWriteStream(outFile));
    rows = await done;
  } else {
    // The approach the export must not take, for comparison: every row in memory, then one buffer.
    const { where } = await rosterScope(db, scope, scriptId);
    const all = await db.callTask.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: rosterSelect });
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("客户名单");
    sheet.addRow([...ZH_ROSTER_LABELS.headers]);
    for (const r of all) {
      const l = rosterLine(r, viewer);
      sheet.addRow([l.name, l.gender, l.mobile, l.medicalRecordNo, l.clinic, l.status, l.createdBy, l.createdAt, l.failReason]);
    }
    await wb.xlsx.writeFile(outFile);
    rows = all.length;
  }
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await db.$disconnect();
  console.log(JSON.stringify({ mode, rows, ms: Math.round(ms), rssBeforeMb: mb(rssBefore), peakRssMb: mb(peak), atPeak: { heapUsedMb: mb(at.heapUsed), heapTotalMb: mb(at.heapTotal), externalMb: mb(at.external), arrayBuffersMb: mb(at.arrayBuffers) }, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
