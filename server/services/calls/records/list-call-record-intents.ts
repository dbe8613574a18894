import type { Tx } from "@/server/db/create-client";
import { intentLabel } from "@/server/domain/calls/intent-label";
import { AppError } from "@/server/errors";
import { clinicFilter } from "@/server/services/tenancy/clinic-filter";
import type { Scope } from "@/server/domain/auth/scope";
import { loadScriptIntents, vocabularyIntents } from "./script-intents";
import { visibleScript } from "@/server/services/scripts/visible-script";

/** 客户意向 filter options: the intents present in the script's records (seed §8), most frequent first. */
export async function listCallRecordIntents(db: Tx, scope: Scope, scriptId: string) {
  const script = await db.script.findFirst({ where: { id: scriptId, ...visibleScript(scope) }, select: { id: true } });
  if (!script) throw AppError.notFound("话术");
  const clinics = await clinicFilter(db, scope);
  const groups = await db.call.groupBy({
    by: ["intent"],
    // The script is visible to the caller (checked above): only a clinic-restricted caller needs the clinic condition.
    where: { scriptId, intent: { not: null }, ...(clinics ? { clinicId: clinics } : {}) },
    _count: { _all: true },
    orderBy: { _count: { intent: "desc" } },
  });
  const options = (await loadScriptIntents(db, scope.companyId, [scriptId])).get(scriptId) ?? vocabularyIntents();
  return groups.map((g) => ({ key: g.intent as string, label: intentLabel(g.intent, options) as string, count: g._count._all }));
}
