/**
 * Bulk seed for the records bench: 1M calls of one company's 3 clinics, 20 scripts, over 90 days, written with
 * multi-row `INSERT … SELECT * FROM unnest(…)` statements of 10k rows (no ORM per row).
 */
import pg from "pg";
import { chineseName, uniqueMobile } from "../../prisma/seed/generators";
import { newId } from "../../prisma/seed/ids";
import { chance, pick, randInt, rngFor, weighted } from "../../prisma/seed/random";

export interface BenchSeedOptions {
  companyId: string;
  clinicIds: string[];
  consultantIds: string[];
  onlineConsultantIds: string[];
  adminId: string;
  now: Date;
  calls: number;
  scripts: number;
  days: number;
  patients: number;
  /** Share of all tasks that belong to the first script (the export bench's 100k-row 客户名单). */
  firstScriptShare: number;
  log: (line: string) => void;
}

const OUTCOMES: [string, number][] = [
  ["answered", 52],
  ["noAnswer", 18],
  ["busy", 7],
  ["rejected", 6],
  ["poweredOff", 6],
  ["emptyNumber", 3],
  ["suspended", 3],
  ["failed", 5],
];
const RETRYABLE = new Set(["noAnswer", "busy", "rejected", "poweredOff", "failed"]);
const ANSWER_INTENTS = ["interested", "somewhatInterested", "notInterested", "notLocal", "refused"];
const CHUNK = 10_000;

async function insertRows(client: pg.Client, table: string, columns: [string, string][], rows: unknown[][]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    // Prisma keeps UTC wall time in "timestamp(3)" columns; ISO strings (not Dates, which pg sends in local time) do that.
    const arrays = columns.map((_, c) => chunk.map((r) => (r[c] instanceof Date ? (r[c] as Date).toISOString() : r[c])));
    const cols = columns.map(([name]) => `"${name}"`).join(", ");
    const unnest = columns.map(([, type], c) => `$${c + 1}::${type}[]`).join(", ");
    await client.query(`INSERT INTO "${table}" (${cols}) SELECT * FROM unnest(${unnest})`, arrays);
  }
}

export async function seedBenchRecords(url: string, o: BenchSeedOptions) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rng = rngFor("bench-records");
  try {
    // ── patients ──
    const taken = new Set<string>();
    const patients = Array.from({ length: o.patients }, (_, i) => {
      const gender = chance(rng, 0.55) ? "female" : "male";
      return {
        id: newId(),
        clinicId: o.clinicIds[i % o.clinicIds.length]!,
        name: chineseName(rng, gender),
        gender,
        mobile: uniqueMobile(rng, taken),
        mrn: `BN${String(i).padStart(8, "0")}`,
        consultantId: chance(rng, 0.85) ? pick(rng, o.consultantIds) : null,
        onlineConsultantId: chance(rng, 0.5) ? pick(rng, o.onlineConsultantIds) : null,
      };
    });
    const created = new Date(o.now.getTime() - 400 * 86_400_000);
    await insertRows(
      client,
      "Patient",
      [["id", "text"], ["companyId", "text"], ["clinicId", "text"], ["name", "text"], ["gender", '"Gender"'], ["mobile", "text"], ["medicalRecordNo", "text"], ["consultantId", "text"], ["onlineConsultantId", "text"], ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"]],
      patients.map((p) => [p.id, o.companyId, p.clinicId, p.name, p.gender, p.mobile, p.mrn, p.consultantId, p.onlineConsultantId, created, created]),
    );
    o.log(`patients: ${patients.length}`);

    // ── scripts (one template) ──
    const templateId = newId();
    await client.query(
      `INSERT INTO "ScriptTemplate" (id, "companyId", key, kind, name, category, "paramSchema", scenarios, intents) VALUES ($1, $2, 'bench', 'ai', '压测模板', 'marketing', '[]', '[]', $3)`,
      [templateId, o.companyId, JSON.stringify(ANSWER_INTENTS.map((k) => ({ key: k, label: k })))],
    );
    const scriptIds = Array.from({ length: o.scripts }, () => newId());
    await insertRows(
      client,
      "Script",
      [["id", "text"], ["companyId", "text"], ["name", "text"], ["kind", '"ScriptKind"'], ["category", '"ScriptCategory"'], ["templateId", "text"], ["status", '"ScriptStatus"'], ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"]],
      scriptIds.map((id, i) => [id, o.companyId, `压测话术${String(i + 1).padStart(2, "0")}`, "ai", i % 3 ? "marketing" : "service", templateId, "enabled", created, created]),
    );
    await insertRows(
      client,
      "ScriptClinic",
      [["scriptId", "text"], ["clinicId", "text"]],
      scriptIds.flatMap((s) => o.clinicIds.map((c) => [s, c])),
    );

    // ── tasks and calls, generated and flushed in slices ──
    const scriptWeights: [number, number][] = scriptIds.map((_, i) => [i, i === 0 ? o.firstScriptShare : (1 - o.firstScriptShare) / (o.scripts - 1)]);
    let calls = 0;
    let tasks = 0;
    let answeredCalls = 0;
    const start = o.now.getTime() - o.days * 86_400_000;
    while (calls < o.calls) {
      const taskRows: unknown[][] = [];
      const callRows: unknown[][] = [];
      const recordingRows: unknown[][] = [];
      while (callRows.length < 50_000 && calls + callRows.length < o.calls) {
        const script = scriptIds[weighted(rng, scriptWeights)]!;
        const p = patients[randInt(rng, 0, patients.length - 1)]!;
        const taskId = newId();
        // Calls happen between 09:00 and 20:00 Shanghai (01:00–12:00 UTC).
        const day = Math.floor(start / 86_400_000) + randInt(rng, 0, o.days - 1);
        const createdAt = new Date(day * 86_400_000 + (1 + rng() * 10.5) * 3_600_000);
        const attempts: unknown[][] = [];
        let at = createdAt.getTime() + randInt(rng, 5, 600) * 1000;
        let last = "";
        let intent: string | null = null;
        for (let attempt = 1; attempt <= 2; attempt++) {
          const outcome = weighted(rng, OUTCOMES);
          const answered = outcome === "answered";
          const duration = answered ? randInt(rng, 8, 120) : 0;
          const rounds = answered ? randInt(rng, 1, 6) : 0;
          intent = answered ? pick(rng, ANSWER_INTENTS) : outcome === "noAnswer" || outcome === "busy" || outcome === "rejected" ? "noAnswer" : "unreachable";
          const dialedAt = new Date(at);
          const answeredAt = answered ? new Date(at + randInt(rng, 3, 15) * 1000) : null;
          const endedAt = new Date((answeredAt?.getTime() ?? at + randInt(rng, 5, 45) * 1000) + duration * 1000);
          const id = newId();
          attempts.push([id, o.companyId, p.clinicId, script, taskId, p.id, p.mobile, attempt, outcome, dialedAt, answeredAt, endedAt, duration, rounds, intent, p.consultantId, p.onlineConsultantId, dialedAt]);
          if (answered) recordingRows.push([newId(), id, `recordings/bench/${id}.mp3`, duration, duration * 4000, endedAt]);
          last = outcome;
          if (answered || !RETRYABLE.has(outcome)) break;
          at = endedAt.getTime() + 30 * 60_000;
        }
        callRows.push(...attempts);
        const finished = attempts[attempts.length - 1]![11] as Date;
        taskRows.push([taskId, o.companyId, p.clinicId, script, p.id, p.mobile, "batch", "ended", null, attempts.length, createdAt, last, intent, o.adminId, createdAt, finished, finished, 2]);
      }
      // A few tasks that never reached a call: pending, intercepted and failed (with the dialer's reason codes).
      for (let i = 0; i < taskRows.length / 20; i++) {
        const p = patients[randInt(rng, 0, patients.length - 1)]!;
        const [status, reason] = pick(rng, [["pending", null], ["intercepted", "sameScriptWithin15Days"], ["failed", "missingNextAppointment"], ["cancelled", "scriptStopped"]] as const);
        const createdAt = new Date(start + rng() * o.days * 86_400_000);
        taskRows.push([newId(), o.companyId, p.clinicId, scriptIds[weighted(rng, scriptWeights)]!, p.id, p.mobile, "batch", status, reason, 0, createdAt, null, null, o.adminId, createdAt, createdAt, status === "pending" ? null : createdAt, 2]);
      }
      await insertRows(
        client,
        "CallTask",
        [["id", "text"], ["companyId", "text"], ["clinicId", "text"], ["scriptId", "text"], ["patientId", "text"], ["mobile", "text"], ["source", '"CallTaskSource"'], ["status", '"CallTaskStatus"'], ["reason", "text"], ["attempt", "int4"], ["nextAttemptAt", "timestamp(3)"], ["lastOutcome", '"CallOutcome"'], ["intent", "text"], ["createdById", "text"], ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"], ["finishedAt", "timestamp(3)"], ["maxAttempts", "int4"]],
        taskRows,
      );
      await insertRows(
        client,
        "Call",
        [["id", "text"], ["companyId", "text"], ["clinicId", "text"], ["scriptId", "text"], ["taskId", "text"], ["patientId", "text"], ["mobile", "text"], ["attempt", "int4"], ["outcome", '"CallOutcome"'], ["dialedAt", "timestamp(3)"], ["answeredAt", "timestamp(3)"], ["endedAt", "timestamp(3)"], ["durationSec", "int4"], ["rounds", "int4"], ["intent", "text"], ["consultantId", "text"], ["onlineConsultantId", "text"], ["createdAt", "timestamp(3)"]],
        callRows,
      );
      await insertRows(
        client,
        "Recording",
        [["id", "text"], ["callId", "text"], ["storageKey", "text"], ["durationSec", "int4"], ["sizeBytes", "int4"], ["createdAt", "timestamp(3)"]],
        recordingRows,
      );
      calls += callRows.length;
      tasks += taskRows.length;
      answeredCalls += recordingRows.length;
      o.log(`calls: ${calls} / ${o.calls}, tasks: ${tasks}`);
    }
    // What autovacuum does soon after a bulk load: statistics, and the visibility map index-only scans rely on.
    await client.query("VACUUM ANALYZE");
    return { scriptIds, calls, tasks, answeredCalls, patients: patients.length };
  } finally {
    await client.end();
  }
}
