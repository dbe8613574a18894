import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { Prisma as Sql, type Prisma, type ScriptCategory, type ScriptKind, type ScriptPauseReason, type ScriptStatus } from "@/server/generated/prisma/client";

/** What every script list and detail shows of a script: name, kind, category, state and 适用门店. */
export const scriptSummarySelect = {
  id: true,
  name: true,
  kind: true,
  category: true,
  status: true,
  pauseReason: true,
  journeyOnly: true,
  clinics: { select: { clinic: { select: { id: true, shortName: true } } } },
} satisfies Prisma.ScriptSelect;

export interface ScriptSummaryRow {
  id: string;
  name: string;
  kind: ScriptKind;
  category: ScriptCategory;
  status: ScriptStatus;
  pauseReason: ScriptPauseReason | null;
  journeyOnly: boolean;
  stoppedAt: Date | null;
  createdAt: Date;
  /** Every 适用门店 (oldest clinic first); show only those of the caller's scope (visibleClinics). */
  clinics: { clinic: { id: string; shortName: string; timezone: string } }[];
}

/**
 * The caller's visible scripts (visibleScript's rule: the company's, with at least one 适用门店 in the caller's clinics)
 * with their summary and 适用门店, newest first, in one statement (issue 29: Prisma's findMany with the clinics relation
 * sent three, and 外呼管理 and 话术详情 are read on every refresh). `id` narrows to one script, `status` to one state.
 */
export async function readScriptSummaries(db: Tx, scope: Scope, filter: { id?: string; status?: ScriptStatus } = {}): Promise<ScriptSummaryRow[]> {
  const rows = await db.$queryRaw<(Omit<ScriptSummaryRow, "clinics"> & { clinics: { id: string; shortName: string; timezone: string }[] })[]>`
    SELECT s.id, s.name, s.kind::text AS kind, s.category::text AS category, s.status::text AS status,
      s."pauseReason"::text AS "pauseReason", s."journeyOnly", s."stoppedAt", s."createdAt",
      COALESCE((
        SELECT json_agg(json_build_object('id', c.id, 'shortName', c."shortName", 'timezone', c.timezone) ORDER BY c."createdAt", c.id)
        FROM "ScriptClinic" sc JOIN "Clinic" c ON c.id = sc."clinicId" WHERE sc."scriptId" = s.id
      ), '[]'::json) AS clinics
    FROM "Script" s
    WHERE s."companyId" = ${scope.companyId}
      AND EXISTS (SELECT 1 FROM "ScriptClinic" v WHERE v."scriptId" = s.id AND v."clinicId" = ANY(${scope.clinicIds}::text[]))
      ${filter.id ? Sql.sql`AND s.id = ${filter.id}` : Sql.empty}
      ${filter.status ? Sql.sql`AND s.status = ${filter.status}::"ScriptStatus"` : Sql.empty}
    ORDER BY s."createdAt" DESC, s.id ASC`;
  return rows.map(({ clinics, ...s }) => ({ ...s, clinics: clinics.map((clinic) => ({ clinic })) }));
}
