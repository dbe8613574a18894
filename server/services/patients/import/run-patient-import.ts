import { randomUUID } from "node:crypto";
import type { PrismaClient, Tx } from "@/server/db/create-client";
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from "@/server/domain/patients/import/fields";
import {
  FileDuplicates,
  importLookups,
  validateImportRow,
  type ImportPatientRow,
  type ImportRawRow,
  type ImportRowError,
} from "@/server/domain/patients/import/validate-row";
import type { ObjectStorage } from "@/server/ports/storage";
import { recreditPatients } from "@/server/services/outcomes/credit-outcomes";
import { headerNames, readImportFile, type ImportFileKind } from "./read-import-file";

const CHUNK = 2_000;
/** A run of 200 000 rows takes well under a minute; the transaction may hold that long. */
const TRANSACTION_TIMEOUT_MS = 15 * 60_000;

export interface PatientImportOutcome {
  status: "done" | "failed" | "skipped";
  inserted: number;
  updated: number;
  skipped: number;
  errorCount: number;
}

/**
 * 导入患者, the background run: stream the file, check every row, and write the good ones (insert, or update / skip a
 * mobile the company already has) in ONE transaction, so a run that fails leaves no rows. Bad rows are left out and
 * kept as the error report (row, column, reason). Progress is written outside the transaction as rows are read.
 */
export async function runPatientImport(db: PrismaClient, storage: ObjectStorage, jobId: string, now: Date): Promise<PatientImportOutcome> {
  const job = await db.patientImportJob.findUnique({ where: { id: jobId } });
  const none = { inserted: 0, updated: 0, skipped: 0, errorCount: 0 };
  // running: an earlier attempt died (its transaction was rolled back), so this one starts over.
  if (!job || (job.status !== "queued" && job.status !== "running")) return { status: "skipped", ...none };
  await db.patientImportJob.update({
    where: { id: jobId },
    data: { status: "running", startedAt: now, processed: 0, inserted: 0, updated: 0, skipped: 0, errorCount: 0, errors: [], error: null },
  });
  const progress = progressWriter(db, jobId);
  try {
    const file = await storage.get(job.fileKey);
    if (!file) throw new ImportFailure("上传的文件已失效，请重新上传");
    const [clinics, staff] = await Promise.all([
      db.clinic.findMany({ where: { companyId: job.companyId, id: { in: job.clinicIds } }, select: { id: true, name: true, shortName: true } }),
      db.user.findMany({ where: { companyId: job.companyId, active: true }, select: { id: true, name: true } }),
    ]);
    const lookups = importLookups({ clinics, staff, today: chinaDay(now) });
    const mapping = (job.mapping ?? {}) as ImportMapping;
    const mode = job.duplicateMode === "update" ? "update" : "skip";
    const errors: ImportRowError[] = [];
    const counts = { inserted: 0, updated: 0, skipped: 0, processed: 0 };

    await db.$transaction(
      async (tx) => {
        // Two imports of one company at once would both insert a mobile neither has seen.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`patient-import:${job.companyId}`}))`;
        const duplicates = new FileDuplicates();
        let columns: Partial<Record<ImportField, number>> | null = null;
        let chunk: ImportPatientRow[] = [];
        const flush = async () => {
          if (chunk.length === 0) return;
          const written = await writeChunk(tx, job.companyId, job.clinicIds, chunk, mode, now);
          counts.inserted += written.inserted;
          counts.updated += written.updated;
          counts.skipped += written.skipped;
          chunk = [];
        };
        for await (const { row, cells } of readImportFile(file.body, job.fileKind as ImportFileKind)) {
          if (!columns) {
            const headers = headerNames(cells);
            columns = {};
            for (const field of IMPORT_FIELDS) {
              const header = mapping[field];
              const index = header ? headers.indexOf(header) : -1;
              if (index >= 0) columns[field] = index;
            }
            continue;
          }
          const raw: ImportRawRow = {};
          for (const field of IMPORT_FIELDS) {
            const index = columns[field];
            if (index !== undefined) raw[field] = cells[index];
          }
          const checked = validateImportRow(row, raw, lookups);
          counts.processed += 1;
          if (!checked.patient) {
            errors.push(...checked.errors);
          } else {
            const duplicate = duplicates.check(checked.patient);
            if (duplicate) errors.push(duplicate);
            else chunk.push(checked.patient);
          }
          if (chunk.length >= CHUNK) await flush();
          if (counts.processed % 1_000 === 0) progress(counts.processed);
        }
        await flush();
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
    );
    const errorRows = new Set(errors.map((e) => e.row)).size;
    await db.patientImportJob.update({
      where: { id: jobId },
      data: {
        status: "done",
        processed: counts.processed,
        inserted: counts.inserted,
        updated: counts.updated,
        skipped: counts.skipped,
        errorCount: errorRows,
        errors: errors as unknown as object[],
        finishedAt: new Date(),
      },
    });
    return { status: "done", inserted: counts.inserted, updated: counts.updated, skipped: counts.skipped, errorCount: errorRows };
  } catch (error) {
    const message = error instanceof ImportFailure ? error.message : "导入失败，没有写入任何患者，请稍后重试";
    if (!(error instanceof ImportFailure)) console.error(`[patient-import] ${jobId}`, error);
    await db.patientImportJob.update({ where: { id: jobId }, data: { status: "failed", error: message, inserted: 0, updated: 0, skipped: 0, finishedAt: new Date() } });
    return { status: "failed", ...none };
  }
}

class ImportFailure extends Error {}

/** Progress goes out on its own connection without waiting (the run holds a transaction); one write at a time. */
function progressWriter(db: PrismaClient, jobId: string) {
  let busy = false;
  return (processed: number) => {
    if (busy) return;
    busy = true;
    db.patientImportJob
      .update({ where: { id: jobId }, data: { processed } })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  };
}

function chinaDay(now: Date) {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** China wall time (YYYY-MM-DD[THH:mm:ss]) → instant. */
function chinaInstant(local: string) {
  return new Date(`${local.length === 10 ? `${local}T00:00:00` : local}+08:00`).toISOString();
}

async function writeChunk(tx: Tx, companyId: string, clinicIds: string[], rows: ImportPatientRow[], mode: "update" | "skip", now: Date) {
  const mobiles = rows.map((r) => r.mobile);
  const existing = await tx.$queryRaw<{ id: string; mobile: string; clinicId: string }[]>`
    SELECT DISTINCT ON (mobile) id, mobile, "clinicId" FROM "Patient"
    WHERE "companyId" = ${companyId} AND mobile = ANY(${mobiles}::text[])
    ORDER BY mobile, "createdAt", id`;
  const existingId = new Map(existing.map((e) => [e.mobile, e]));
  const allowed = new Set(clinicIds);
  const toInsert: ImportPatientRow[] = [];
  const toUpdate: (ImportPatientRow & { id: string })[] = [];
  let skipped = 0;
  for (const row of rows) {
    const found = existingId.get(row.mobile);
    if (!found) toInsert.push(row);
    // A patient of a clinic the requester cannot see is never changed by their file.
    else if (mode === "update" && allowed.has(found.clinicId)) toUpdate.push({ ...row, id: found.id });
    else skipped += 1;
  }
  const at = now.toISOString();
  const visits: { patientId: string; clinicId: string; at: string }[] = [];
  if (toInsert.length > 0) {
    const records = toInsert.map((r) => {
      const id = randomUUID();
      if (r.lastVisitAt) visits.push({ patientId: id, clinicId: r.clinicId, at: chinaInstant(r.lastVisitAt) });
      return { id, clinicId: r.clinicId, name: r.name, gender: r.gender, mobile: r.mobile, birthday: r.birthday, tags: r.tags, consultantId: r.consultantId, onlineConsultantId: r.onlineConsultantId };
    });
    await tx.$executeRaw`
      INSERT INTO "Patient" (id, "companyId", "clinicId", name, gender, mobile, birthday, tags, "consultantId", "onlineConsultantId", "createdAt", "updatedAt")
      SELECT r.id, ${companyId}, r."clinicId", r.name, r.gender::"Gender", r.mobile, r.birthday, r.tags, r."consultantId", r."onlineConsultantId", ${at}::timestamptz, ${at}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
        AS r(id text, "clinicId" text, name text, gender text, mobile text, birthday date, tags text[], "consultantId" text, "onlineConsultantId" text)`;
  }
  if (toUpdate.length > 0) {
    const records = toUpdate.map((r) => {
      if (r.lastVisitAt) visits.push({ patientId: r.id, clinicId: r.clinicId, at: chinaInstant(r.lastVisitAt) });
      return { id: r.id, clinicId: r.clinicId, name: r.name, gender: r.gender, birthday: r.birthday, tags: r.tags, consultantId: r.consultantId, onlineConsultantId: r.onlineConsultantId };
    });
    // An empty cell keeps what the patient has; tags are added to the patient's own.
    await tx.$executeRaw`
      UPDATE "Patient" p SET
        name = r.name,
        "clinicId" = r."clinicId",
        gender = CASE WHEN r.gender = 'unknown' THEN p.gender ELSE r.gender::"Gender" END,
        birthday = COALESCE(r.birthday, p.birthday),
        tags = ARRAY(SELECT DISTINCT t FROM unnest(p.tags || r.tags) AS t ORDER BY t),
        "consultantId" = COALESCE(r."consultantId", p."consultantId"),
        "onlineConsultantId" = COALESCE(r."onlineConsultantId", p."onlineConsultantId"),
        "updatedAt" = ${at}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
        AS r(id text, "clinicId" text, name text, gender text, birthday date, tags text[], "consultantId" text, "onlineConsultantId" text)
      WHERE p.id = r.id AND p."companyId" = ${companyId}`;
  }
  if (visits.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "Visit" (id, "companyId", "clinicId", "patientId", "visitedAt", item)
      SELECT gen_random_uuid()::text, ${companyId}, r."clinicId", r."patientId", r.at, '最近到店（导入）'
      FROM jsonb_to_recordset(${JSON.stringify(visits)}::jsonb) AS r("patientId" text, "clinicId" text, at timestamptz)
      WHERE NOT EXISTS (SELECT 1 FROM "Visit" v WHERE v."patientId" = r."patientId" AND v."visitedAt" = r.at)`;
    // 效果分析: the imported visits are credited with the rows, in this transaction (docs/outcomes.md).
    await recreditPatients(tx, companyId, visits.map((v) => v.patientId));
  }
  return { inserted: toInsert.length, updated: toUpdate.length, skipped };
}
