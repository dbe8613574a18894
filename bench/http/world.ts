/** The HTTP bench's view of its world (bench/http/run.ts): the ids its requests use, and the recordings they play. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The ids the bench's requests need, read from the records bench's 1 M-call world. */
export async function readWorld(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const q = async <T,>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
    const [company] = await q<{ id: string }>(`SELECT c.id FROM "Company" c JOIN "User" u ON u."companyId" = c.id WHERE u.email = 'admin@a.demo'`);
    const scripts = await q<{ id: string }>(`SELECT id FROM "Script" WHERE "companyId" = $1 AND name LIKE '压测话术%' ORDER BY name`, [company!.id]);
    const [clinicAdmin] = await q<{ clinicId: string }>(`SELECT uc."clinicId" FROM "UserClinic" uc JOIN "User" u ON u.id = uc."userId" WHERE u.email = 'clinic@a.demo' LIMIT 1`);
    const consultants = await q<{ id: string }>(`SELECT u.id FROM "User" u JOIN "Role" r ON r.id = u."roleId" WHERE u."companyId" = $1 AND r.key = 'consultant' ORDER BY u.id`, [company!.id]);
    // Recent answered calls with a recording, in the clinic admin's clinic so both roles may play them.
    const recordings = await q<{ callId: string; storageKey: string }>(
      `SELECT c.id AS "callId", r."storageKey" FROM "Call" c JOIN "Recording" r ON r."callId" = c.id
       WHERE c."companyId" = $1 AND c."clinicId" = $2 ORDER BY c."dialedAt" DESC LIMIT 40`,
      [company!.id, clinicAdmin!.clinicId],
    );
    const intents = await q<{ intent: string }>(`SELECT DISTINCT intent FROM "Call" WHERE "scriptId" = $1 AND intent IS NOT NULL LIMIT 5`, [scripts[7]!.id]);
    return { companyId: company!.id, scripts: scripts.map((s) => s.id), consultants: consultants.map((c) => c.id), recordings, intents: intents.map((i) => i.intent) };
  } finally {
    await db.end();
  }
}

/** The world's Recording rows point at objects nobody stored (1 M mp3s would be ~100 GB): store the ones the bench plays. */
export function storeRecordings(dataDir: string, recordings: { storageKey: string }[]) {
  const mp3 = Buffer.alloc(480 * 1024);
  for (let i = 0; i < mp3.length; i += 417) mp3.set([0xff, 0xfb, 0x90, 0x64], i); // MPEG-1 layer III frame headers
  for (const { storageKey } of recordings) {
    const file = path.join(dataDir, "storage", storageKey);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, mp3);
    writeFileSync(`${file}.meta.json`, JSON.stringify({ contentType: "audio/mpeg", size: mp3.length }));
  }
}
