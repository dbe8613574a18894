import { getLocale, getTranslations } from "next-intl/server";
import { requireOutboundViewer } from "@/server/auth/require-outbound-viewer";
import { prisma } from "@/server/db/client";
import { scopeOf } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";
import { appErrorResponse, routeParam } from "@/server/http/app-error-response";
import { xlsxDownload } from "@/server/http/xlsx-download";
import { exportScriptRoster } from "@/server/services/dialer/outbound/export-script-roster";
import { ROSTER_STATUSES } from "@/server/services/dialer/outbound/roster-query";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";
import { enforceUserRateLimit } from "@/server/services/limits/enforce-user-rate-limit";

const STATUS_KEYS = ROSTER_STATUSES;

/**
 * 【客户名单】-【导出】: the whole list (optionally one 执行状态) as .xlsx, streamed row batch by row batch, named
 * 「{话术名称}客户名单{YYYY_MM_DD_HH_mm}.xlsx」. Needs 管理外呼任务; 手机号 stay masked without 查看完整手机号.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await requireOutboundViewer("outbound.tasks.manage", "没有管理外呼任务的权限");
    const id = routeParam((await params).id);
    await enforceUserRateLimit(prisma, viewer.userId, "export", new Date());
    const raw = new URL(request.url).searchParams.get("status");
    if (raw && !(STATUS_KEYS as readonly string[]).includes(raw)) throw new AppError("BAD_REQUEST", "执行状态不正确");
    const status = (raw || undefined) as (typeof STATUS_KEYS)[number] | undefined;

    const [locale, t] = await Promise.all([getLocale(), getTranslations("outboundManagement")]);
    const labels = {
      sheetName: t("sheetName"),
      headers: ["rosterName", "rosterGender", "rosterMobile", "rosterMedicalRecordNo", "rosterClinic", "rosterStatus", "rosterCreatedBy", "rosterCreatedAt", "rosterFailReason", "rosterIntent", "rosterSummary", "rosterProposedTime", "rosterCallback"].map((k) => t(k)),
      callback: { yes: t("rosterCallbackYes"), high: t("rosterCallbackHigh") },
      gender: { male: t("gender_male"), female: t("gender_female"), unknown: t("gender_unknown") },
      status: Object.fromEntries(STATUS_KEYS.map((s) => [s, t(`rs_${s}`)])) as Record<(typeof STATUS_KEYS)[number], string>,
      locale: locale === "en" ? ("en" as const) : ("zh-CN" as const),
      timeZone: DEFAULT_TIME_ZONE,
    };
    const { fileName, stream } = await exportScriptRoster(prisma, scopeOf(viewer), viewer, { scriptId: id, status }, labels, new Date());
    return xlsxDownload(fileName, stream);
  } catch (error) {
    return appErrorResponse(error);
  }
}
