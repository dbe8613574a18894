import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { visibleScript } from "@/server/services/scripts/visible-script";

/** The caller's scripts that have A/B variants (running or ended tests), for 效果分析's A/B section. */
export async function listAbTests(db: Tx, scope: Scope) {
  return db.script.findMany({
    where: { ...visibleScript(scope), variants: { some: {} } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, abEndedAt: true },
  });
}
