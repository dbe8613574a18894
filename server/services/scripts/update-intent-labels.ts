import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import { applyIntentLabels, intentLabelsInput } from "@/server/domain/intent/intent-labels";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import type { Scope } from "@/server/domain/auth/scope";
import { baseIntentsOf } from "./get-intent-labels";
import { assertManagesScript } from "./manageable-script";

export const updateIntentLabelsInput = intentLabelsInput.extend({ scriptId: z.string().min(1) });

/**
 * Saves a script's 客户意向 labels (rename, add up to the limit, each mapped onto a canonical intent). Calls keep their
 * keys, so the lists, filters, journeys and metrics show the new names at once; classification uses them from the
 * next call (or 重新分析). Audited with before and after.
 */
export async function updateIntentLabels(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof updateIntentLabelsInput>) {
  const input = updateIntentLabelsInput.parse(raw);
  return db.$transaction(async (tx) => {
    await assertManagesScript(tx, scope, input.scriptId);
    const { script, base } = await baseIntentsOf(tx, scope, input.scriptId);
    const { intents, problems } = applyIntentLabels(base, input.labels);
    if (problems.length) throw new AppError("BAD_REQUEST", problems[0]!);
    await tx.script.update({ where: { id: script.id }, data: { intentLabels: intents as never } });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "script.intentLabels.update",
      targetType: "script",
      targetId: script.id,
      data: { before: (script.intentLabels ?? null) as never, after: intents as never },
    });
    return { scriptId: script.id, intents };
  });
}
