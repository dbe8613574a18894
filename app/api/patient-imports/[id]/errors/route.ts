import { getViewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { can } from "@/server/domain/auth/permissions";
import { scopeOf } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";
import { appErrorResponse } from "@/server/http/app-error-response";
import { contentDisposition } from "@/server/http/content-disposition";
import { patientImportErrorReport } from "@/server/services/patients/import/get-patient-import";

/** 导入患者 → 下载错误报告: the rows left out of an import (行号, 列, 原因) as CSV. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("UNAUTHORIZED", "请先登录");
    if (!viewer.companyId || !can(viewer, "patients.import")) throw AppError.forbidden("没有导入患者的权限");
    const { id } = await params;
    const report = await patientImportErrorReport(prisma, scopeOf({ ...viewer, companyId: viewer.companyId }), id);
    return new Response(report.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", report.fileName),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return appErrorResponse(error);
  }
}
