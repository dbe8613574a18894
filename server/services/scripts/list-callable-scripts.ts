import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { visibleScript } from "./visible-script";

/**
 * Scripts that may be chosen for calling (患者管理-智能外呼, the journey's 智能外呼组件): enabled only; 自动旅程专用 ones
 * only when `forJourney` (FAQ Q5). With `clinicId`, only scripts whose 适用门店 include that clinic.
 */
export async function listCallableScripts(db: Tx, scope: Scope, opts: { forJourney: boolean; clinicId?: string }) {
  const rows = await db.script.findMany({
    where: {
      ...visibleScript(scope),
      status: "enabled",
      ...(opts.forJourney ? {} : { journeyOnly: false }),
      ...(opts.clinicId ? { AND: { clinics: { some: { clinicId: opts.clinicId } } } } : {}),
    },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      category: true,
      journeyOnly: true,
      template: { select: { name: true } },
      clinics: { select: { clinicId: true } },
    },
  });
  return rows.map(({ template, clinics, ...s }) => ({ ...s, templateName: template.name, clinicIds: clinics.map((c) => c.clinicId) }));
}
