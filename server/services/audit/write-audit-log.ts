import type { Tx } from "@/server/db/create-client";
import type { Prisma } from "@/server/generated/prisma/client";

export interface AuditEntry {
  companyId: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  reason?: string | null;
  data?: Prisma.InputJsonValue;
}

export function writeAuditLog(db: Tx, entry: AuditEntry) {
  return db.auditLog.create({ data: { ...entry, targetId: entry.targetId ?? null, reason: entry.reason ?? null } });
}
