import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { MAX_VARIANTS } from "@/server/domain/scripts/ab-variant";
import { AppError } from "@/server/errors";
import { visibleScript } from "../visible-script";

export const scriptVariantsInput = z.object({ scriptId: z.string().min(1) });

/** A script's A/B variants (key order) and whether its test was ended. */
export async function getScriptVariants(db: Tx, scope: Scope, raw: z.input<typeof scriptVariantsInput>) {
  const { scriptId } = scriptVariantsInput.parse(raw);
  const script = await db.script.findFirst({
    where: { id: scriptId, ...visibleScript(scope) },
    select: {
      id: true,
      name: true,
      abEndedAt: true,
      abKeptVariantId: true,
      variants: {
        orderBy: { key: "asc" },
        select: { id: true, key: true, name: true, opening: true, offer: true, voiceId: true, sharePercent: true, voice: { select: { name: true } } },
      },
    },
  });
  if (!script) throw AppError.notFound("话术");
  return {
    scriptId: script.id,
    scriptName: script.name,
    maxVariants: MAX_VARIANTS,
    endedAt: script.abEndedAt,
    keptVariantId: script.abKeptVariantId,
    variants: script.variants.map(({ voice, ...v }) => ({ ...v, voiceName: voice?.name ?? null })),
  };
}
