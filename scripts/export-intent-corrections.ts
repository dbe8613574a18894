/**
 * `npm run intent:export-corrections [-- --out=bench/intent/cases/corrections.jsonl] [--company=<id>] [--since=YYYY-MM-DD]`
 * Writes every 人工修正 of a call's intent as an evaluation case (JSON Lines, the bench's dev format), so the intent
 * bench grows from real use; the bench scores the file as its "corrections" part. Transcripts contain what patients
 * said: review the file before sharing it outside the company.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createPrismaClient } from "../server/db/create-client";
import { exportIntentCorrections } from "../server/services/calls/records/export-intent-corrections";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const url = process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/postgres";
const out = arg("out") ?? "bench/intent/cases/corrections.jsonl";

async function main() {
  const db = createPrismaClient(url);
  try {
    const since = arg("since");
    const cases = await exportIntentCorrections(db, { companyId: arg("company"), ...(since ? { since: new Date(`${since}T00:00:00+08:00`) } : {}) });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, cases.map((c) => JSON.stringify(c)).join("\n") + (cases.length ? "\n" : ""));
    console.log(`${cases.length} corrected calls written to ${out}`);
  } finally {
    await db.$disconnect();
  }
}

void main();
