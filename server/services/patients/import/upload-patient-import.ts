import type { PrismaClient } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import type { Viewer } from "@/server/domain/auth/permissions";
import { suggestMapping, type ImportMapping } from "@/server/domain/patients/import/fields";
import type { ImportCell } from "@/server/domain/patients/import/validate-row";
import { AppError } from "@/server/errors";
import type { ObjectStorage } from "@/server/ports/storage";
import { headerNames, readImportFile, type ImportFileKind } from "./read-import-file";

/** Below next.config.ts proxyClientMaxBodySize (16 MB): the route must see the whole body to answer 「文件超过 …」. */
export const MAX_IMPORT_BYTES = 12 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
const PREVIEW_ROWS = 5;

export interface ImportFileSummary {
  headers: string[];
  preview: string[][];
  /** Data rows (the header row not counted). */
  rows: number;
}

const show = (cell: ImportCell) => (cell === null || cell === undefined ? "" : String(cell));

/** The header row, the first rows and the number of data rows of an import file (one streaming pass). */
export async function summarizeImportFile(bytes: Uint8Array, kind: ImportFileKind): Promise<ImportFileSummary> {
  let headers: string[] | null = null;
  const preview: string[][] = [];
  let rows = 0;
  for await (const { cells } of readImportFile(bytes, kind)) {
    if (!headers) {
      headers = headerNames(cells);
      continue;
    }
    rows += 1;
    if (preview.length < PREVIEW_ROWS) preview.push(headers.map((_, i) => show(cells[i])));
  }
  if (!headers) throw new AppError("BAD_REQUEST", "文件是空的：第一行应为表头（姓名、手机号 …）");
  return { headers, preview, rows };
}

/** Only the header row (the mapping check of startPatientImport): reading stops there. */
export async function readImportHeaders(bytes: Uint8Array, kind: ImportFileKind): Promise<string[]> {
  for await (const { cells } of readImportFile(bytes, kind)) return headerNames(cells);
  throw new AppError("BAD_REQUEST", "文件是空的：第一行应为表头（姓名、手机号 …）");
}

export function importFileKind(fileName: string): ImportFileKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx")) return "xlsx";
  if (lower.endsWith(".csv")) return "csv";
  throw new AppError("BAD_REQUEST", "只支持 .xlsx 或 .csv 文件（.xls 请在 Excel 中另存为 .xlsx）");
}

/**
 * 导入患者, step 1: keep the file, read its header and first rows, offer a mapping (the company's last one where it
 * still fits). Nothing is imported until the mapping is confirmed (startPatientImport).
 */
export async function uploadPatientImport(
  db: PrismaClient,
  storage: ObjectStorage,
  scope: Scope,
  viewer: Viewer,
  input: { fileName: string; bytes: Uint8Array },
) {
  const kind = importFileKind(input.fileName);
  if (input.bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "文件是空的");
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError("BAD_REQUEST", "文件超过 12 MB，请拆分后再导入");
  let summary: ImportFileSummary;
  try {
    summary = await summarizeImportFile(input.bytes, kind);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_REQUEST", "文件无法读取，请确认是 Excel 保存的 .xlsx 或 .csv 文件");
  }
  if (summary.rows === 0) throw new AppError("BAD_REQUEST", "文件只有表头，没有患者数据");
  if (summary.rows > MAX_IMPORT_ROWS) throw new AppError("BAD_REQUEST", `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件`);

  const company = await db.company.findUniqueOrThrow({ where: { id: scope.companyId }, select: { patientImportMapping: true } });
  const job = await db.patientImportJob.create({
    data: { companyId: scope.companyId, fileKey: "", fileName: input.fileName.slice(0, 200), fileKind: kind, total: summary.rows, clinicIds: scope.clinicIds, requestedById: viewer.userId },
  });
  const fileKey = `patient-imports/${scope.companyId}/${job.id}.${kind}`;
  await storage.put(fileKey, input.bytes, { contentType: kind === "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  await db.patientImportJob.update({ where: { id: job.id }, data: { fileKey } });
  return {
    jobId: job.id,
    fileName: job.fileName,
    headers: summary.headers,
    preview: summary.preview,
    rows: summary.rows,
    mapping: suggestMapping(summary.headers, company.patientImportMapping as ImportMapping | null),
  };
}
