import type { Tx } from "@/server/db/create-client";
import { callVariableValues } from "@/server/domain/call-tasks/call-variable-values";
import { clinicCity } from "@/server/domain/call-tasks/clinic-city";
import { checkTaskCreation, patientRequirements, type PatientDataRequirement } from "@/server/domain/call-tasks/creation-checks";
import type { Prisma } from "@/server/generated/prisma/client";
import type { ScriptDialogues } from "@/server/domain/templates/dialogue";
import { applyVariantWording } from "@/server/domain/scripts/apply-variant";
import type { CreationFailure } from "@/server/domain/call-tasks/reasons";
import type { CallScriptSnapshot, CreateCallInput } from "@/server/ports/carrier";
import { hasData, loadPatientCallData, type PatientCallData } from "./load-patient-call-data";
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

const TASK_SELECT = {
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
} as const;

/**
 * The carrier's input for a task at dial time: the script snapshot (dialogues, voice) and the call variables filled
 * from the patient's data as it is now. If the data the script speaks about has gone meanwhile (the appointment was
 * cancelled …) the task fails with the same reason its creation would have given.
 */
export async function buildCallScript(db: Tx, taskId: string, now: Date): Promise<BuiltCall> {
  return (await buildCallScripts(db, [taskId], now)).get(taskId)!;
}

/**
 * buildCallScript for many tasks at once (batched placement, docs/dialer.md): one read of the tasks with their script,
 * clinic and patient, each script's dialogues once, and the patients' data once per set of requirements.
 */
export async function buildCallScripts(db: Tx, taskIds: readonly string[], now: Date): Promise<Map<string, BuiltCall>> {
  const tasks = await db.callTask.findMany({ where: { id: { in: [...taskIds] } }, select: TASK_SELECT });
  const missing = taskIds.filter((id) => !tasks.some((t) => t.id === id));
  if (missing.length) throw new Error(`call tasks not found: ${missing.join(", ")}`);
  const byScript = new Map<string, Promise<ScriptDialogues>>();
  const dialoguesOf = (task: (typeof tasks)[number]) => {
    let scripted = byScript.get(task.script.id);
    if (!scripted) byScript.set(task.script.id, (scripted = scriptDialogues(db, task.script)));
    return scripted;
  };
  // The task's A/B variant (its own opening, offer and voice) is what this patient hears (docs/outcomes.md).
  const prepared = await Promise.all(
    tasks.map(async (task) => {
      const scripted = await dialoguesOf(task);
      const dialogues = task.variant ? applyVariantWording(scripted, task.variant) : scripted;
      return { task, dialogues, requirements: patientRequirements(dialogues) };
    }),
  );
  const groups = new Map<string, { requirements: PatientDataRequirement[]; patientIds: string[] }>();
  for (const p of prepared) {
    const key = [...p.requirements].sort().join(",");
    const group = groups.get(key) ?? { requirements: p.requirements, patientIds: [] };
    group.patientIds.push(p.task.patientId);
    groups.set(key, group);
  }
  const data = new Map<string, PatientCallData>();
  for (const g of groups.values()) {
    if (g.requirements.length === 0) continue;
    for (const [id, d] of await loadPatientCallData(db, [...new Set(g.patientIds)], g.requirements, now)) data.set(id, d);
  }
  const out = new Map<string, BuiltCall>();
  for (const p of prepared) out.set(p.task.id, buildOne(p.task, p.dialogues, p.requirements, data.get(p.task.patientId) ?? NO_DATA, now));
  return out;
}

const NO_DATA: PatientCallData = { appointment: null, deduction: null, visit: null, benefit: null };

type TaskForCall = Prisma.CallTaskGetPayload<{ select: typeof TASK_SELECT }>;

function buildOne(task: TaskForCall, dialogues: ScriptDialogues, requirements: PatientDataRequirement[], data: PatientCallData, now: Date): BuiltCall {
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
