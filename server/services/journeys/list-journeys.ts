import type { Tx } from "@/server/db/create-client";
import { entryConfig } from "@/server/domain/journey/journey-graph";
import { nextSlot } from "@/server/domain/journey/journey-schedule";
import type { Scope } from "@/server/domain/auth/scope";
import { DEFAULT_TIME_ZONE } from "@/server/domain/time/constants";

/** The 自动旅程 list: every journey of the caller's clinics with its schedule, segment and how many patients entered. */
export async function listJourneys(db: Tx, scope: Scope, now = new Date()) {
  const journeys = await db.journey.findMany({
    where: { companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    include: {
      clinic: { select: { id: true, shortName: true, timezone: true } },
      nodes: { where: { kind: "entry" }, select: { config: true } },
      runs: { orderBy: { scheduledFor: "desc" }, take: 1, select: { scheduledFor: true, entered: true } },
      _count: { select: { roster: true } },
    },
  });
  const segmentIds = journeys.flatMap((j) => {
    const id = entryConfig.safeParse(j.nodes[0]?.config).data?.segmentId;
    return id ? [id] : [];
  });
  const segments = await db.segment.findMany({ where: { companyId: scope.companyId, id: { in: segmentIds } }, select: { id: true, name: true } });
  const segmentName = new Map(segments.map((s) => [s.id, s.name]));
  return journeys.map((j) => {
    const entry = entryConfig.safeParse(j.nodes[0]?.config).data;
    const schedule = entry?.schedule ?? null;
    const tz = j.clinic?.timezone ?? DEFAULT_TIME_ZONE;
    return {
      id: j.id,
      name: j.name,
      status: j.status,
      clinic: j.clinic ? { id: j.clinic.id, shortName: j.clinic.shortName } : null,
      schedule,
      segment: entry?.segmentId ? (segmentName.get(entry.segmentId) ?? null) : null,
      nextRunAt: j.status === "published" && schedule ? nextSlot(schedule, tz, laterOf(now, j.runs[0]?.scheduledFor)) : null,
      lastRun: j.runs[0] ?? null,
      rosterTotal: j._count.roster,
      publishedAt: j.publishedAt,
      updatedAt: j.updatedAt,
    };
  });
}

/** Slots at or before the last run are done, even when the run was early (a controlled clock, a manual tick). */
export function laterOf(now: Date, lastRun: Date | undefined): Date {
  return lastRun && lastRun > now ? lastRun : now;
}
