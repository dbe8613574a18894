import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { Prisma as PrismaSql, type Prisma } from "@/server/generated/prisma/client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { callTaskReasonLabel } from "@/server/domain/call-tasks/reasons";
import { ROSTER_STATUSES_WITH_REASON, rosterStatus, type RosterStatus } from "@/server/domain/calls/roster";
import { maskMobile } from "@/server/domain/patients/mobile";
import { AppError } from "@/server/errors";
import { clinicFilter } from "@/server/services/tenancy/clinic-filter";
import type { Scope } from "@/server/domain/auth/scope";

export const ROSTER_STATUSES = ["waiting", "redialWaiting", "calling", "answered", "notConnected", "intercepted", "cancelled", "failed"] as const;

export const rosterFilters = {
  scriptId: z.string().min(1),
  status: z.enum(ROSTER_STATUSES).optional(),
};

const STATUS_WHERE: Record<RosterStatus, Prisma.CallTaskWhereInput> = {
  waiting: { status: "pending", attempt: 0 },
  redialWaiting: { status: "pending", attempt: { gt: 0 } },
  calling: { status: { in: ["dialing", "inCall"] } },
  answered: { status: "ended", lastOutcome: "answered" },
  notConnected: { status: "ended", OR: [{ lastOutcome: null }, { lastOutcome: { not: "answered" } }] },
  intercepted: { status: "intercepted" },
  cancelled: { status: "cancelled" },
  failed: { status: "failed" },
};

/** STATUS_WHERE in SQL over "CallTask" t, for the export's raw keyset walk (the export test checks they agree). */
const STATUS_SQL: Record<RosterStatus, Prisma.Sql> = {
  waiting: PrismaSql.sql`t.status = 'pending' AND t.attempt = 0`,
  redialWaiting: PrismaSql.sql`t.status = 'pending' AND t.attempt > 0`,
  calling: PrismaSql.sql`t.status IN ('dialing', 'inCall')`,
  answered: PrismaSql.sql`t.status = 'ended' AND t."lastOutcome" = 'answered'`,
  notConnected: PrismaSql.sql`t.status = 'ended' AND (t."lastOutcome" IS NULL OR t."lastOutcome" <> 'answered')`,
  intercepted: PrismaSql.sql`t.status = 'intercepted'`,
  cancelled: PrismaSql.sql`t.status = 'cancelled'`,
  failed: PrismaSql.sql`t.status = 'failed'`,
};

/** The script (visible to the caller) and the where-clause of its 客户名单 within the caller's clinics. */
export async function rosterScope(db: Tx, scope: Scope, scriptId: string, status?: RosterStatus) {
  const script = await db.script.findFirst({
    where: { id: scriptId, companyId: scope.companyId, clinics: { some: { clinicId: { in: scope.clinicIds } } } },
    select: { id: true, name: true, status: true },
  });
  if (!script) throw AppError.notFound("话术");
  // The script is the company's (checked above), so its tasks are too: only the clinics may still narrow them.
  const clinics = await clinicFilter(db, scope);
  const where: Prisma.CallTaskWhereInput = {
    scriptId: script.id,
    ...(clinics ? { clinicId: clinics } : {}),
    ...(status ? STATUS_WHERE[status] : {}),
  };
  const sql = PrismaSql.join(
    [
      PrismaSql.sql`t."scriptId" = ${script.id}`,
      ...(clinics ? [PrismaSql.sql`t."clinicId" = ANY(${clinics.in}::text[])`] : []),
      ...(status ? [STATUS_SQL[status]] : []),
    ],
    " AND ",
  );
  return { script, where, sql };
}

import { rosterAnalysisFields, type RosterAnalysis } from "./roster-analysis";

export const rosterSelect = {
  id: true,
  status: true,
  attempt: true,
  lastOutcome: true,
  reason: true,
  mobile: true,
  createdAt: true,
  patient: { select: { id: true, name: true, gender: true, mobile: true, medicalRecordNo: true } },
  clinic: { select: { shortName: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.CallTaskSelect;

export type RosterRow = Prisma.CallTaskGetPayload<{ select: typeof rosterSelect }>;

/** One 客户名单 line: 姓名, 性别, 手机号 (masked unless permitted), 病历号, 外呼门店, 执行状态, 添加员工, 添加时间, 失败原因. */
export function rosterLine(row: RosterRow, viewer: Viewer, locale: "zh-CN" | "en" = "zh-CN", analysis?: ReturnType<typeof rosterAnalysisFields>) {
  const status = rosterStatus(row);
  const mobile = row.mobile ?? row.patient.mobile;
  return {
    id: row.id,
    patientId: row.patient.id,
    name: row.patient.name,
    gender: row.patient.gender,
    mobile: can(viewer, "patients.mobile.view") ? (mobile ?? "") : maskMobile(mobile),
    medicalRecordNo: row.patient.medicalRecordNo,
    clinic: row.clinic.shortName,
    status,
    createdBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt,
    failReason: ROSTER_STATUSES_WITH_REASON.includes(status) ? callTaskReasonLabel(row.reason, locale) : null,
    ...(analysis ?? rosterAnalysisFields(undefined, [])),
  };
}
export type RosterLine = ReturnType<typeof rosterLine>;

type FlatRow = Omit<RosterRow, "patient" | "clinic" | "createdBy"> & {
  patientId: string;
  name: string;
  gender: RosterRow["patient"]["gender"];
  patientMobile: string | null;
  medicalRecordNo: string | null;
  shortName: string;
  createdByName: string | null;
  callIntent: string | null;
  callSummary: string | null;
  callProposedTime: string | null;
  callCallback: boolean | null;
  callComplaint: boolean | null;
};

/**
 * 客户名单 rows in one SQL statement, flat, with the latest call's analysis: a page (newest first, `offset`) or the
 * export's keyset batch (oldest first, `after`). The tasks' ids are chosen first, from the index on CallTask(scriptId,
 * createdAt, id, clinicId) alone when no 执行状态 is asked (an index-only scan: the rows an OFFSET skips and the other
 * clinics' rows are never read from the table), then joined, so the joins and the latest-call lookup touch only the
 * rows returned. Prisma's findMany with the
 * three relations built ~4× more short-lived objects per row (the export's peak RSS, docs/performance.md) and sent four
 * statements per page, its runtime a large share of the page's CPU (issue 29).
 */
export async function readRosterRows(
  db: Tx,
  where: Prisma.Sql,
  at: { offset: number; limit: number } | { after: { createdAt: Date; id: string } | null; limit: number },
): Promise<(RosterRow & { analysis?: RosterAnalysis })[]> {
  const page = "offset" in at;
  const keyset = !page && at.after ? PrismaSql.sql`AND (t."createdAt", t.id) > (${at.after.createdAt}, ${at.after.id})` : PrismaSql.empty;
  const order = page ? PrismaSql.sql`t."createdAt" DESC, t.id DESC` : PrismaSql.sql`t."createdAt", t.id`;
  const rows = await db.$queryRaw<FlatRow[]>`
    SELECT t.id, t.status::text AS status, t.attempt, t."lastOutcome"::text AS "lastOutcome", t.reason, t.mobile, t."createdAt",
           p.id AS "patientId", p.name, p.gender::text AS gender, p.mobile AS "patientMobile", p."medicalRecordNo",
           c."shortName", u.name AS "createdByName",
           lc.intent AS "callIntent", lc.summary AS "callSummary", lc."proposedTime" AS "callProposedTime",
           lc."callbackRequested" AS "callCallback", lc.complaint AS "callComplaint"
    FROM (
      SELECT t.id
      FROM "CallTask" t
      WHERE ${where} ${keyset}
      ORDER BY ${order}
      LIMIT ${at.limit} ${page ? PrismaSql.sql`OFFSET ${at.offset}` : PrismaSql.empty}
    ) chosen
      JOIN "CallTask" t ON t.id = chosen.id
      JOIN "Patient" p ON p.id = t."patientId"
      JOIN "Clinic" c ON c.id = t."clinicId"
      LEFT JOIN "User" u ON u.id = t."createdById"
      LEFT JOIN LATERAL (
        SELECT intent, summary, "proposedTime", "callbackRequested", complaint FROM "Call"
        WHERE "taskId" = t.id AND outcome IS NOT NULL ORDER BY attempt DESC LIMIT 1
      ) lc ON true
    ORDER BY ${order}`;
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    attempt: r.attempt,
    lastOutcome: r.lastOutcome,
    reason: r.reason,
    mobile: r.mobile,
    createdAt: r.createdAt,
    patient: { id: r.patientId, name: r.name, gender: r.gender, mobile: r.patientMobile, medicalRecordNo: r.medicalRecordNo },
    clinic: { shortName: r.shortName },
    createdBy: r.createdByName === null ? null : { name: r.createdByName },
    analysis:
      r.callCallback === null
        ? undefined
        : { intent: r.callIntent, summary: r.callSummary, proposedTime: r.callProposedTime, callbackRequested: r.callCallback, complaint: r.callComplaint ?? false },
  }));
}
