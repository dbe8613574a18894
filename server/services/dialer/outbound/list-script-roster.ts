import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { readRosterRows, rosterFilters, rosterLine, rosterScope } from "./roster-query";
import { rosterAnalysisFields } from "./roster-analysis";
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
  const { script, sql } = await rosterScope(db, scope, input.scriptId, input.status);
  // Raw statements (issue 29): the rows with their joins and latest call in one, the count without Prisma's runtime.
  const [[{ total }], rows, intents] = await Promise.all([
    db.$queryRaw<[{ total: number }]>`SELECT count(*)::int AS total FROM "CallTask" t WHERE ${sql}`,
    readRosterRows(db, sql, { offset: (input.page - 1) * input.pageSize, limit: input.pageSize }),
    loadScriptIntents(db, scope.companyId, [script.id]),
  ]);
  const options = intents.get(script.id) ?? [];
  return {
    script,
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => rosterLine(r, viewer, "zh-CN", rosterAnalysisFields(r.analysis, options))),
  };
}
