import type { Tx } from "@/server/db/create-client";
import type { Prisma } from "@/server/generated/prisma/client";
import type { IntentOption } from "@/server/domain/calls/intent-label";
import { intentLabel } from "@/server/domain/calls/intent-label";
import type { SourceBound } from "@/server/domain/timeline/timeline-page";
import { loadScriptIntents, vocabularyIntents } from "@/server/services/calls/records/script-intents";

/** Where every source's rows start: the company, the caller's clinics, optionally one patient and a time window. */
export interface TimelineBase {
  companyId: string;
  clinicIds: string[];
  patientId?: string;
  window: { gte?: Date; lt?: Date };
}

const bounded = (field: string, bound: SourceBound, window: TimelineBase["window"]) => {
  const time = (extra: Record<string, Date>) => ({ [field]: { ...window, ...extra } });
  switch (bound.kind) {
    case "all":
      return time({});
    case "before":
      return time({ lt: min(bound.at, window.lt) });
    case "atOrBefore":
      return { AND: [time({}), { [field]: { lte: bound.at } }] };
    case "beforeOrSameTimeLowerId":
      return { AND: [time({}), { OR: [{ [field]: { lt: bound.at } }, { [field]: bound.at, id: { lt: bound.id } }] }] };
  }
};
const min = (a: Date, b: Date | undefined) => (b && b < a ? b : a);

const scoped = (base: TimelineBase) => ({
  companyId: base.companyId,
  clinicId: { in: base.clinicIds },
  ...(base.patientId ? { patientId: base.patientId } : {}),
});
const orderBy = (field: string) => [{ [field]: "desc" as const }, { id: "desc" as const }];
const patientAndClinic = { patient: { select: { id: true, name: true } }, clinic: { select: { id: true, shortName: true, timezone: true } } };

/** `detail`: whether the viewer may open the call's 通话详情 (查看话单记录). */
export async function loadCalls(db: Tx, base: TimelineBase, bound: SourceBound, take: number, detail = true) {
  const rows = await db.call.findMany({
    where: { ...scoped(base), ...bounded("dialedAt", bound, base.window) } as Prisma.CallWhereInput,
    orderBy: orderBy("dialedAt"),
    take,
    select: {
      id: true,
      dialedAt: true,
      endedAt: true,
      durationSec: true,
      outcome: true,
      intent: true,
      summary: true,
      callbackRequested: true,
      script: { select: { id: true, name: true } },
      ...patientAndClinic,
    },
  });
  const intents = await loadScriptIntents(db, base.companyId, rows.map((r) => r.script.id));
  const fallback: IntentOption[] = vocabularyIntents();
  return rows.map((r) => ({
    source: "call" as const,
    detailAllowed: detail,
    id: r.id,
    at: r.dialedAt,
    patient: r.patient,
    clinic: r.clinic,
    script: r.script,
    outcome: r.outcome,
    intentLabel: intentLabel(r.intent, intents.get(r.script.id) ?? fallback),
    summary: r.summary,
    callbackRequested: r.callbackRequested,
    startedAt: r.dialedAt,
    endedAt: r.endedAt,
    durationSec: r.durationSec,
  }));
}

export async function loadFollowUps(db: Tx, base: TimelineBase, kinds: ("revisit" | "visit")[], bound: SourceBound, take: number) {
  const rows = await db.followUpTask.findMany({
    where: { ...scoped(base), kind: { in: kinds }, ...bounded("dueAt", bound, base.window) } as Prisma.FollowUpTaskWhereInput,
    orderBy: orderBy("dueAt"),
    take,
    select: {
      id: true,
      kind: true,
      title: true,
      content: true,
      status: true,
      dueAt: true,
      completedAt: true,
      result: true,
      executor: { select: { id: true, name: true } },
      ...patientAndClinic,
    },
  });
  return rows.map(({ dueAt, ...r }) => ({ source: "followUp" as const, at: dueAt, dueAt, ...r }));
}

export async function loadAppointments(db: Tx, base: TimelineBase, bound: SourceBound, take: number) {
  const rows = await db.appointment.findMany({
    where: { ...scoped(base), ...bounded("startsAt", bound, base.window) } as Prisma.AppointmentWhereInput,
    orderBy: orderBy("startsAt"),
    take,
    select: { id: true, startsAt: true, status: true, item: true, doctorName: true, ...patientAndClinic },
  });
  return rows.map(({ startsAt, ...r }) => ({ source: "appointment" as const, at: startsAt, ...r }));
}

export async function loadClinicVisits(db: Tx, base: TimelineBase, bound: SourceBound, take: number) {
  const rows = await db.visit.findMany({
    where: { ...scoped(base), ...bounded("visitedAt", bound, base.window) } as Prisma.VisitWhereInput,
    orderBy: orderBy("visitedAt"),
    take,
    select: { id: true, visitedAt: true, item: true, ...patientAndClinic },
  });
  return rows.map(({ visitedAt, ...r }) => ({ source: "clinicVisit" as const, at: visitedAt, ...r }));
}
