import type { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { assertDefinitionIdsOwned, assertNameFree, segmentFields } from "./segment-input";

export const createSegmentInput = segmentFields;
export type CreateSegmentInput = z.input<typeof createSegmentInput>;

export async function createSegment(db: PrismaClient, scope: Scope, viewer: Viewer, raw: CreateSegmentInput) {
  const input = createSegmentInput.parse(raw);
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, scope.companyId, input.name);
    await assertDefinitionIdsOwned(tx, scope, input.definition);
    const segment = await tx.segment.create({
      data: { companyId: scope.companyId, name: input.name, conditions: input.definition },
    });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "segment.create",
      targetType: "segment",
      targetId: segment.id,
      data: { name: segment.name },
    });
    return { id: segment.id, name: segment.name };
  });
}
