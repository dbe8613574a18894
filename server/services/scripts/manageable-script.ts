import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";
import { visibleScript } from "./visible-script";

export const SHARED_SCRIPT_READ_ONLY = "该话术也用于您无权管理的门店，只有可管理其全部适用门店的账号（如公司管理员）才能修改、暂停或停用";

/**
 * The one rule for changing a script (编辑, 启用 / 暂停 / 停用, 意向标签): the caller's clinics must cover every one of
 * its 适用门店. A script shared with a clinic outside the caller's scope stays visible to them but read-only — stopping
 * it would cancel that clinic's queued calls (docs/architecture.md, "Clinic scope of shared data"). Not visible at all →
 * NOT_FOUND, like another tenant's id.
 */
export async function assertManagesScript(db: Tx, scope: Scope, scriptId: string): Promise<void> {
  const script = await db.script.findFirst({ where: { id: scriptId, ...visibleScript(scope) }, select: { clinics: { select: { clinicId: true } } } });
  if (!script) throw AppError.notFound("话术");
  if (script.clinics.some((c) => !scope.clinicIds.includes(c.clinicId))) throw new AppError("FORBIDDEN", SHARED_SCRIPT_READ_ONLY);
}
