import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { scriptDialoguesSchema } from "@/server/domain/templates/dialogue-schema";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { toTemplateView } from "./template-view";
import { visibleClinics, visibleScript } from "./visible-script";

export const getScriptInput = z.object({ id: z.string().min(1) });

/** Everything the editor shows for one script. */
export async function getScript(db: Tx, scope: Scope, raw: z.input<typeof getScriptInput>) {
  const { id } = getScriptInput.parse(raw);
  const script = await db.script.findFirst({
    where: { id, ...visibleScript(scope) },
    include: {
      template: { include: { voice: { select: { id: true, key: true } } } },
      clinics: { include: { clinic: { select: { id: true, shortName: true } } } },
      createdBy: { select: { name: true } },
    },
  });
  if (!script) throw AppError.notFound("话术");
  const preview = scriptDialoguesSchema.safeParse(script.preview);
  const params = z.record(z.string(), z.string()).safeParse(script.params);
  return {
    id: script.id,
    name: script.name,
    kind: script.kind,
    category: script.category,
    status: script.status,
    pauseReason: script.pauseReason,
    template: toTemplateView(script.template),
    params: params.success ? params.data : {},
    preview: preview.success ? preview.data : null,
    clinics: visibleClinics(script.clinics, scope),
    voiceId: script.voiceId,
    voiceSpeed: script.voiceSpeed,
    voicePitch: script.voicePitch,
    voiceVolume: script.voiceVolume,
    hangupSmsEnabled: script.hangupSmsEnabled,
    hangupSmsAnsweredTemplateId: script.hangupSmsAnsweredTemplateId,
    hangupSmsUnansweredTemplateId: script.hangupSmsUnansweredTemplateId,
    journeyOnly: script.journeyOnly,
    createdBy: script.createdBy?.name ?? null,
    createdAt: script.createdAt,
    updatedAt: script.updatedAt,
  };
}
