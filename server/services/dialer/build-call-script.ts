import type { Tx } from "@/server/db/create-client";
import { callVariableValues } from "@/server/domain/call-tasks/call-variable-values";
import { clinicCity } from "@/server/domain/call-tasks/clinic-city";
import { checkTaskCreation, patientRequirements } from "@/server/domain/call-tasks/creation-checks";
import { applyVariantWording } from "@/server/domain/scripts/apply-variant";
import type { CreationFailure } from "@/server/domain/call-tasks/reasons";
import type { CallScriptSnapshot, CreateCallInput } from "@/server/ports/carrier";
import { hasData, loadPatientCallData } from "./load-patient-call-data";
import { scriptDialogues } from "./script-dialogues";
import { aiCallFeaturesOf } from "@/server/domain/vendor/ai-call-features";

export type BuiltCall =
  | {
      ok: true;
      input: Omit<CreateCallInput, "clientRef">;
      task: { id: string; companyId: string; clinicId: string; scriptId: string; patientId: string; mobile: string; source: "batch" | "journey"; createdAt: Date };
      consultantId: string | null;
      onlineConsultantId: string | null;
    }
  | { ok: false; reason: CreationFailure };

/**
 * The carrier's input for a task at dial time: the script snapshot (dialogues, voice) and the call variables filled
 * from the patient's data as it is now. If the data the script speaks about has gone meanwhile (the appointment was
 * cancelled …) the task fails with the same reason its creation would have given.
 */
export async function buildCallScript(db: Tx, taskId: string, now: Date): Promise<BuiltCall> {
  const task = await db.callTask.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      id: true,
      companyId: true,
      clinicId: true,
      scriptId: true,
      patientId: true,
      mobile: true,
      source: true,
      createdAt: true,
      variant: { select: { opening: true, offer: true, voice: { select: { key: true, gender: true } } } },
      clinic: { select: { shortName: true, address: true, timezone: true, outboundOpenedAt: true, frontDeskSkillGroupId: true } },
      company: { select: { aiCallFeatures: true } },
      patient: { select: { name: true, gender: true, hasOwnMobile: true, registered: true, consultantId: true, onlineConsultantId: true } },
      script: {
        select: {
          id: true,
          companyId: true,
          kind: true,
          category: true,
          status: true,
          params: true,
          preview: true,
          template: { select: { paramSchema: true, scenarios: true, intents: true } },
          voiceSpeed: true,
          voicePitch: true,
          voiceVolume: true,
          voice: { select: { key: true, gender: true } },
        },
      },
    },
  });
  // The task's A/B variant (its own opening, offer and voice) is what this patient hears (docs/outcomes.md).
  const scripted = await scriptDialogues(db, task.script);
  const dialogues = task.variant ? applyVariantWording(scripted, task.variant) : scripted;
  const requirements = patientRequirements(dialogues);
  const data = (await loadPatientCallData(db, [task.patientId], requirements, now)).get(task.patientId)!;
  const failure = checkTaskCreation({
    scriptStatus: "enabled", // a claimed task's script was enabled when claimed; a later stop lets this call finish
    patient: { mobile: task.mobile, hasOwnMobile: task.patient.hasOwnMobile, registered: task.patient.registered },
    clinic: { opened: task.clinic.outboundOpenedAt !== null, inScript: true },
    requirements,
    has: hasData(data),
  });
  if (failure) return { ok: false, reason: failure };

  const voice = task.variant?.voice ?? task.script.voice;
  const script: CallScriptSnapshot = {
    scriptId: task.script.id,
    kind: task.script.kind,
    category: task.script.category,
    dialogues,
    voice: voice
      ? {
          key: voice.key,
          speed: task.script.voiceSpeed,
          pitch: task.script.voicePitch,
          volume: task.script.voiceVolume,
          ...(voice.gender === "male" || voice.gender === "female" ? { gender: voice.gender } : {}),
        }
      : null,
  };
  const variables = callVariableValues(
    { patient: { name: task.patient.name, gender: task.patient.gender }, clinic: task.clinic, ...data },
    now,
    task.clinic.timezone,
  );
  const city = clinicCity(task.clinic.address);
  return {
    ok: true,
    input: {
      callee: task.mobile!,
      script,
      variables,
      ...(city ? { city } : {}),
      vendor: { features: aiCallFeaturesOf(task.company.aiCallFeatures), frontDeskSkillGroupId: task.clinic.frontDeskSkillGroupId },
    },
    task: { id: task.id, companyId: task.companyId, clinicId: task.clinicId, scriptId: task.scriptId, patientId: task.patientId, mobile: task.mobile!, source: task.source, createdAt: task.createdAt },
    consultantId: task.patient.consultantId,
    onlineConsultantId: task.patient.onlineConsultantId,
  };
}
