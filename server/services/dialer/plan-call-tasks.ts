import type { Tx } from "@/server/db/create-client";
import { effectiveMaxAttempts } from "@/server/domain/calling-policy";
import { checkTaskCreation, patientRequirements } from "@/server/domain/call-tasks/creation-checks";
import type { CreationFailure } from "@/server/domain/call-tasks/reasons";
import { normalizeMobile } from "@/server/domain/patients/mobile";
import { listCallableClinicIds } from "@/server/services/outbound/load-outbound-access";
import { hasData, loadPatientCallData } from "./load-patient-call-data";
import { newRowId } from "./row-id";
import { scriptDialogues, type ScriptForCall } from "./script-dialogues";

export interface TaskSeed {
  patientId: string;
  rosterEntryId?: string;
}

export interface PlannedTask {
  id: string;
  patientId: string;
  rosterEntryId: string | null;
  /** Null: created pending; else created failed with this reason. */
  failure: CreationFailure | null;
}

type LoadedScript = ScriptForCall & { status: "enabled" | "paused" | "stopped"; journeyOnly: boolean; clinics: { clinicId: string }[] };

export async function loadScriptForTasks(db: Tx, companyId: string, scriptId: string): Promise<LoadedScript | null> {
  return db.script.findFirst({
    where: { id: scriptId, companyId },
    select: {
      id: true,
      companyId: true,
      kind: true,
      status: true,
      params: true,
      preview: true,
      journeyOnly: true,
      template: { select: { paramSchema: true, scenarios: true, intents: true } },
      clinics: { select: { clinicId: true } },
    },
  });
}

/**
 * Creates call tasks for patients of one company and one script, each checked at creation (creation-checks.ts): those
 * that pass are pending, due now; the others are stored as failed with their reason, so the 客户名单 / 旅程名单 can
 * show why. Patients must already be known to belong to the company (callers scope them).
 */
export async function insertCallTasks(
  tx: Tx,
  input: {
    companyId: string;
    script: LoadedScript;
    seeds: readonly TaskSeed[];
    source: "batch" | "journey";
    batchId?: string | null;
    createdById?: string | null;
    now: Date;
  },
): Promise<PlannedTask[]> {
  const { companyId, script, now } = input;
  const patientIds = [...new Set(input.seeds.map((s) => s.patientId))];
  const [patients, callable, company, dialogues] = await Promise.all([
    tx.patient.findMany({
      where: { id: { in: patientIds }, companyId },
      select: { id: true, clinicId: true, mobile: true, hasOwnMobile: true, registered: true },
    }),
    listCallableClinicIds(tx, companyId),
    tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { redialMaxAttempts: true } }),
    scriptDialogues(tx, script),
  ]);
  const requirements = patientRequirements(dialogues);
  const data = await loadPatientCallData(tx, patientIds, requirements, now);
  const byId = new Map(patients.map((p) => [p.id, p]));
  const opened = new Set(callable);
  const scriptClinics = new Set(script.clinics.map((c) => c.clinicId));
  const maxAttempts = effectiveMaxAttempts(company.redialMaxAttempts);

  const planned: PlannedTask[] = [];
  const rows = [];
  for (const seed of input.seeds) {
    const patient = byId.get(seed.patientId);
    if (!patient) continue;
    const mobile = patient.mobile ? normalizeMobile(patient.mobile) : null;
    const failure = checkTaskCreation({
      scriptStatus: script.status,
      patient: { mobile, hasOwnMobile: patient.hasOwnMobile, registered: patient.registered },
      clinic: { opened: opened.has(patient.clinicId), inScript: scriptClinics.has(patient.clinicId) },
      requirements,
      has: hasData(data.get(patient.id)!),
    });
    const id = newRowId();
    planned.push({ id, patientId: patient.id, rosterEntryId: seed.rosterEntryId ?? null, failure });
    rows.push({
      id,
      companyId,
      clinicId: patient.clinicId,
      scriptId: script.id,
      patientId: patient.id,
      mobile,
      source: input.source,
      batchId: input.batchId ?? null,
      rosterEntryId: seed.rosterEntryId ?? null,
      status: failure ? ("failed" as const) : ("pending" as const),
      reason: failure,
      maxAttempts,
      nextAttemptAt: now,
      createdById: input.createdById ?? null,
      createdAt: now,
      finishedAt: failure ? now : null,
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await tx.callTask.createMany({ data: rows.slice(i, i + 1000) });
  return planned;
}
