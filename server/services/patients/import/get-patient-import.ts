import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";

export const getPatientImportInput = z.object({ jobId: z.string().min(1) });

/** An import's progress and result (the error report itself is downloaded as a file). */
export async function getPatientImport(db: Tx, scope: Scope, raw: z.input<typeof getPatientImportInput>) {
  const { jobId } = getPatientImportInput.parse(raw);
  const job = await db.patientImportJob.findFirst({
    where: { id: jobId, companyId: scope.companyId },
    select: {
      id: true, fileName: true, status: true, total: true, processed: true, inserted: true, updated: true, skipped: true,
      errorCount: true, error: true, duplicateMode: true, createdAt: true, finishedAt: true,
    },
  });
  if (!job) throw AppError.notFound("导入任务");
  return job;
}

/** The error report: one line per problem (row, column, reason), as CSV with a BOM so Excel reads it as UTF-8. */
export async function patientImportErrorReport(db: Tx, scope: Scope, jobId: string) {
  const job = await db.patientImportJob.findFirst({ where: { id: jobId, companyId: scope.companyId }, select: { fileName: true, errors: true } });
  if (!job) throw AppError.notFound("导入任务");
  const errors = (job.errors ?? []) as { row: number; column: string; reason: string }[];
  // A cell starting with = + - @ would be a formula in Excel: the reasons quote the file's own text.
  const quote = (raw: string) => {
    const s = /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = ["行号,列,原因", ...errors.map((e) => [String(e.row), quote(e.column), quote(e.reason)].join(","))];
  return { fileName: `${job.fileName.replace(/\.(xlsx|csv)$/i, "")}-错误报告.csv`, csv: `\uFEFF${lines.join("\r\n")}\r\n` };
}
