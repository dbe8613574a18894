import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { AppError } from "@/server/errors";

/**
 * A company-wide setting (AI 通话功能, 告警设置, 归因与成本设置) applies to every clinic's calls, so only someone who sees
 * every clinic of the company may change it; `what` names the setting in the refusal.
 */
export async function assertCompanyWide(tx: Tx, scope: Scope, what: string): Promise<void> {
  const outside = await tx.clinic.count({ where: { companyId: scope.companyId, id: { notIn: scope.clinicIds } } });
  if (outside > 0) throw AppError.forbidden(`${what}对全公司生效，仅限可查看全部门店的管理员修改`);
}
