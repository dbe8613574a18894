import type { Tx } from "@/server/db/create-client";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";

/** A journey of the caller's company and clinics; anything else is NOT_FOUND, like a missing one. */
export async function findJourney(db: Tx, scope: Scope, id: string) {
  const journey = await db.journey.findFirst({
    where: { id, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    include: { clinic: { select: { id: true, name: true, shortName: true, timezone: true, outboundOpenedAt: true } } },
  });
  if (!journey || !journey.clinic) throw AppError.notFound("旅程");
  return { ...journey, clinic: journey.clinic };
}

export async function loadGraphRows(db: Tx, journeyId: string) {
  const [nodes, edges] = await Promise.all([
    db.journeyNode.findMany({ where: { journeyId }, orderBy: [{ positionX: "asc" }, { positionY: "asc" }, { id: "asc" }] }),
    db.journeyEdge.findMany({ where: { journeyId }, orderBy: { id: "asc" } }),
  ]);
  return { nodes, edges };
}
