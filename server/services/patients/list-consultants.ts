import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";

/** Staff who appear as 咨询师 on the caller's patients, for the list filter. */
export async function listConsultants(db: Tx, scope: Scope) {
  return db.user.findMany({
    where: { companyId: scope.companyId, role: { key: { in: ["consultant", "onlineConsultant"] } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
