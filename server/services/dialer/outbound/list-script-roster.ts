import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { rosterFilters, rosterLine, rosterScope, rosterSelect } from "./roster-query";
import { latestCallAnalyses, rosterAnalysisFields } from "./roster-analysis";
import { loadScriptIntents } from "@/server/services/calls/records/script-intents";

export const listScriptRosterInput = z.object({
  ...rosterFilters,
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(10).max(100).default(20),
});
export type ListScriptRosterInput = z.input<typeof listScriptRosterInput>;

/** 【详情】-【客户名单】: the script's call tasks, newest first, paginated on the server. */
export async function listScriptRoster(db: Tx, scope: Scope, viewer: Viewer, raw: ListScriptRosterInput) {
  const input = listScriptRosterInput.parse(raw);
  const { script, where } = await rosterScope(db, scope, input.scriptId, input.status);
  const [total, rows] = await Promise.all([
    db.callTask.count({ where }),
    db.callTask.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: rosterSelect,
    }),
  ]);
  const [analyses, intents] = await Promise.all([
    latestCallAnalyses(db, rows.map((r) => r.id)),
    loadScriptIntents(db, scope.companyId, [script.id]),
  ]);
  const options = intents.get(script.id) ?? [];
  return {
    script,
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => rosterLine(r, viewer, "zh-CN", rosterAnalysisFields(analyses.get(r.id), options))),
  };
}
