import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import type { Viewer } from "@/server/domain/auth/permissions";
import { IMPORT_FIELDS, mappingProblems, type ImportMapping } from "@/server/domain/patients/import/fields";
import { AppError } from "@/server/errors";
import { patientImportRequested } from "@/server/jobs/events";
import { sendEvents } from "@/server/jobs/send-events";
import type { ObjectStorage } from "@/server/ports/storage";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { readImportHeaders } from "./upload-patient-import";
import type { ImportFileKind } from "./read-import-file";

export const startPatientImportInput = z.object({
  jobId: z.string().min(1),
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).max(200)),
  duplicateMode: z.enum(["update", "skip"]),
});
export type StartPatientImportInput = z.input<typeof startPatientImportInput>;

/** 导入患者, step 2: confirm the mapping (remembered for the company) and queue the background run. */
export async function startPatientImport(db: PrismaClient, storage: ObjectStorage, scope: Scope, viewer: Viewer, raw: StartPatientImportInput) {
  const input = startPatientImportInput.parse(raw);
  const job = await db.patientImportJob.findFirst({ where: { id: input.jobId, companyId: scope.companyId } });
  if (!job) throw AppError.notFound("导入任务");
  if (job.status !== "uploaded") throw new AppError("CONFLICT", "该文件已开始导入");
  const file = await storage.get(job.fileKey);
  if (!file) throw new AppError("BAD_REQUEST", "上传的文件已失效，请重新上传");
  const headers = await readImportHeaders(file.body, job.fileKind as ImportFileKind);
  const mapping: ImportMapping = input.mapping;
  const problems = mappingProblems(headers, mapping);
  if (problems.length > 0) throw new AppError("BAD_REQUEST", problems.join("；"));

  const claimed = await db.patientImportJob.updateMany({
    where: { id: job.id, status: "uploaded" },
    data: { status: "queued", mapping, duplicateMode: input.duplicateMode },
  });
  if (claimed.count === 0) throw new AppError("CONFLICT", "该文件已开始导入");
  await db.company.update({ where: { id: scope.companyId }, data: { patientImportMapping: mapping } });
  await writeAuditLog(db, {
    companyId: scope.companyId,
    actorId: viewer.userId,
    action: "patients.import.start",
    targetType: "PatientImportJob",
    targetId: job.id,
    data: { fileName: job.fileName, rows: job.total, duplicateMode: input.duplicateMode },
  });
  await sendEvents(patientImportRequested.create({ jobId: job.id, companyId: scope.companyId }));
  return { jobId: job.id };
}
