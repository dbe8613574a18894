import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { Viewer } from "@/server/domain/auth/permissions";
import type { Scope } from "@/server/domain/auth/scope";
import { MAX_VARIANTS, VARIANT_KEYS, variantProblems, type VariantProblem } from "@/server/domain/scripts/ab-variant";
import { AppError } from "@/server/errors";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";
import { assertManagesScript } from "../manageable-script";

const text = z.string().trim().max(300).nullable().optional();

export const saveScriptVariantsInput = z.object({
  scriptId: z.string().min(1),
  variants: z
    .array(
      z.object({
        name: z.string().trim().max(30),
        opening: text,
        offer: text,
        voiceId: z.string().min(1).nullable().optional(),
        sharePercent: z.number().int(),
      }),
    )
    .max(MAX_VARIANTS),
});

const PROBLEM_MESSAGES: Record<VariantProblem, string> = {
  tooMany: `最多${MAX_VARIANTS}个版本`,
  sharesNot100: "各版本流量占比之和须为100%",
  shareOutOfRange: "流量占比须为0–100的整数",
  nameMissing: "请填写版本名称",
};

/**
 * Saves a script's A/B variants (A, B, C in the given order) — none clears the test. Saving starts the test afresh: an
 * ended test's kept variant no longer overrides the split. Tasks already created keep their variant. Audited.
 */
export async function saveScriptVariants(db: PrismaClient, scope: Scope, viewer: Viewer, raw: z.input<typeof saveScriptVariantsInput>) {
  const input = saveScriptVariantsInput.parse(raw);
  const problems = variantProblems(input.variants);
  if (problems.length) throw new AppError("BAD_REQUEST", PROBLEM_MESSAGES[problems[0]!]);
  const voiceIds = [...new Set(input.variants.map((v) => v.voiceId).filter((v): v is string => !!v))];
  return db.$transaction(async (tx) => {
    await assertManagesScript(tx, scope, input.scriptId);
    if (voiceIds.length && (await tx.voice.count({ where: { id: { in: voiceIds } } })) !== voiceIds.length) throw AppError.notFound("音色");
    const before = await tx.scriptVariant.findMany({ where: { scriptId: input.scriptId }, orderBy: { key: "asc" } });
    const keys = input.variants.map((_, i) => VARIANT_KEYS[i]!);
    await tx.scriptVariant.deleteMany({ where: { scriptId: input.scriptId, key: { notIn: keys } } });
    for (const [i, v] of input.variants.entries()) {
      const data = { name: v.name, opening: v.opening || null, offer: v.offer || null, voiceId: v.voiceId ?? null, sharePercent: v.sharePercent };
      await tx.scriptVariant.upsert({
        where: { scriptId_key: { scriptId: input.scriptId, key: keys[i]! } },
        create: { scriptId: input.scriptId, key: keys[i]!, ...data },
        update: data,
      });
    }
    await tx.script.update({ where: { id: input.scriptId }, data: { abEndedAt: null, abKeptVariantId: null } });
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: "script.variants.update",
      targetType: "script",
      targetId: input.scriptId,
      data: {
        before: before.map((v) => ({ key: v.key, name: v.name, sharePercent: v.sharePercent })),
        after: input.variants.map((v, i) => ({ key: keys[i]!, name: v.name, sharePercent: v.sharePercent })),
      },
    });
    return { scriptId: input.scriptId, count: input.variants.length };
  });
}
