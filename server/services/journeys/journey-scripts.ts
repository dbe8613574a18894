import type { Tx } from "@/server/db/create-client";
import { intentOptions, type IntentOption } from "@/server/domain/calls/intent-label";
import { INTENT } from "@/server/domain/templates/intents";
import { listCallableScripts } from "@/server/services/scripts/list-callable-scripts";
import type { Scope } from "@/server/domain/auth/scope";

export interface JourneyScript {
  id: string;
  name: string;
  kind: "ai" | "fixed";
  category: "service" | "marketing";
  status: "enabled" | "paused" | "stopped";
  journeyOnly: boolean;
  /** The intents its calls are classified into: its (edited) dialogue's, else its template's. */
  intents: IntentOption[];
}

const select = {
  id: true,
  name: true,
  kind: true,
  category: true,
  status: true,
  journeyOnly: true,
  preview: true,
  template: { select: { intents: true } },
} as const;

function toJourneyScript({ preview, template, ...s }: { preview: unknown; template: { intents: unknown } } & Omit<JourneyScript, "intents">): JourneyScript {
  const own = intentOptions(preview, template.intents);
  return { ...s, intents: own.length ? own : intentOptions(Object.values(INTENT)) };
}

/**
 * Scripts a journey's 智能外呼组件 may use: the 启用 scripts callable from journeys (自动旅程专用 ones included, FAQ Q5)
 * whose 适用门店 include the journey's clinic, with their intents for the branch rules.
 */
export async function listJourneyScripts(db: Tx, scope: Scope, clinicId: string) {
  const callable = await listCallableScripts(db, scope, { forJourney: true, clinicId });
  const details = await loadReferencedScripts(db, scope.companyId, callable.map((s) => s.id));
  return callable.map((s) => ({ ...s, intents: details.get(s.id)?.intents ?? [] }));
}

/** The scripts a graph refers to, in any status (the canvas shows a stopped one as such). */
export async function loadReferencedScripts(db: Tx, companyId: string, scriptIds: readonly string[]): Promise<Map<string, JourneyScript>> {
  const ids = [...new Set(scriptIds)];
  if (ids.length === 0) return new Map();
  const scripts = await db.script.findMany({ where: { companyId, id: { in: ids } }, select });
  return new Map(scripts.map((s) => [s.id, toJourneyScript(s)]));
}
