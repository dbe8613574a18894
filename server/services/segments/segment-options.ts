import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";

/** Choices for the condition editor: the tags in use, the consultants, and the caller's clinics. */
export async function segmentOptions(db: Tx, scope: Scope) {
  const [tags, consultants, clinics] = await Promise.all([
    db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest(tags) AS tag FROM "Patient"
      WHERE "companyId" = ${scope.companyId} AND "clinicId" = ANY(${scope.clinicIds}::text[]) ORDER BY 1 LIMIT 200`,
    db.user.findMany({
      where: { companyId: scope.companyId, active: true, role: { key: { in: ["consultant", "onlineConsultant"] } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.clinic.findMany({
      where: { companyId: scope.companyId, id: { in: scope.clinicIds } },
      select: { id: true, name: true, shortName: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return { tags: tags.map((t) => t.tag), consultants, clinics };
}
