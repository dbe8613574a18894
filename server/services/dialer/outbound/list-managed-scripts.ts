import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { getExecutionStats } from "@/server/services/metrics/get-call-metrics";
import { readScriptSummaries } from "@/server/services/scripts/script-summary";
import { visibleClinics } from "@/server/services/scripts/visible-script";
import type { Scope } from "@/server/domain/auth/scope";
import { SCRIPT_STATUSES } from "@/server/domain/scripts/script-status";

export const listManagedScriptsInput = z.object({
  status: z.enum(SCRIPT_STATUSES).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(50).default(10),
});
export type ListManagedScriptsInput = z.input<typeof listManagedScriptsInput>;

const STATUS_ORDER = { enabled: 0, paused: 1, stopped: 2 } as const;

/** 外呼管理 list: the caller's scripts (enabled first) with their 执行数据 columns (seed §7). */
export async function listManagedScripts(db: Tx, scope: Scope, raw: ListManagedScriptsInput) {
  const input = listManagedScriptsInput.parse(raw);
  // Few scripts per company (tens): order by status in memory, then page.
  const all = await readScriptSummaries(db, scope, { status: input.status });
  all.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const page = all.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const stats = await getExecutionStats(db, scope, page.map((s) => s.id));
  return {
    total: all.length,
    page: input.page,
    pageSize: input.pageSize,
    items: page.map(({ clinics, stoppedAt: _stoppedAt, ...s }) => ({
      ...s,
      clinics: visibleClinics(clinics, scope).map(({ id, shortName }) => ({ id, shortName })),
      execution: stats.get(s.id)!,
    })),
  };
}
