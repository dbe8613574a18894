import type { Tx } from "@/server/db/create-client";
import { parseStoredDefinition } from "@/server/domain/segments/segment-definition";
import type { Scope } from "@/server/domain/auth/scope";
import { journeysUsingSegment } from "./journeys-using-segment";

export async function listSegments(db: Tx, scope: Scope) {
  const rows = await db.segment.findMany({
    where: { companyId: scope.companyId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  const usage = await journeysUsingSegment(db, scope, rows.map((r) => r.id));
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    definition: parseStoredDefinition(s.conditions),
    usedBy: usage.get(s.id)?.names ?? [],
    /** Used by a journey of a clinic outside the caller's scope: shown, but not editable by them. */
    readOnly: usage.get(s.id)?.elsewhere ?? false,
    updatedAt: s.updatedAt,
  }));
}
