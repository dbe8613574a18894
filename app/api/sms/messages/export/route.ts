import { getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { can } from "@/server/domain/auth/permissions";
import { scopeOf } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";
import { appErrorResponse } from "@/server/http/app-error-response";
import { xlsxDownload } from "@/server/http/xlsx-download";
import { exportSmsMessages } from "@/server/services/sms/export-sms-messages";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";
import { enforceUserRateLimit } from "@/server/services/limits/enforce-user-rate-limit";

/**
 * 短信发送记录 → 【导出】: the list as filtered (状态, 短信模板, 日期) as .xlsx, streamed, named 「短信发送记录{YYYY_MM_DD_HH_mm}.xlsx」.
 * Needs 短信管理; 手机号 stay masked without 查看完整手机号.
 */
export async function GET(request: Request) {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("UNAUTHORIZED", "请先登录");
    if (!viewer.companyId) throw AppError.forbidden("仅限企业用户使用");
    if (!can(viewer, "sms.manage")) throw AppError.forbidden("没有短信管理的权限");
    await enforceUserRateLimit(prisma, viewer.userId, "export", new Date());
    const params = new URL(request.url).searchParams;
    const filters = Object.fromEntries(["status", "templateId", "from", "to"].flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));

    const [locale, t] = await Promise.all([getLocale(), getTranslations("smsRecords")]);
    const labels = {
      sheetName: t("title"),
      fileName: t("title"),
      headers: ["colTime", "colPatient", "colClinic", "colMobile", "colTemplate", "colContent", "colStatus", "colFailReason"].map((k) => t(k)),
      status: { queued: t("status_queued"), sent: t("status_sent"), delivered: t("status_delivered"), failed: t("status_failed") },
      locale: locale === "en" ? ("en" as const) : ("zh-CN" as const),
      timeZone: DEFAULT_TIME_ZONE,
    };
    const viewerInCompany = { ...viewer, companyId: viewer.companyId };
    const { fileName, stream } = await exportSmsMessages(prisma, scopeOf(viewerInCompany), viewerInCompany, filters, labels, new Date());
    return xlsxDownload(fileName, stream);
  } catch (error) {
    return appErrorResponse(error);
  }
}
