import type { Tx } from "@/server/db/create-client";
import { companyLimits, effectiveMaxAttempts } from "@/server/domain/calling-policy";
import { checkTaskCreation, patientRequirements } from "@/server/domain/call-tasks/creation-checks";
import type { CreationFailure } from "@/server/domain/call-tasks/reasons";
import { assignVariant } from "@/server/domain/scripts/ab-variant";
import { normalizeMobile } from "@/server/domain/patients/mobile";
import { listCallableClinicIds } from "@/server/services/dialer/outbound/load-outbound-access";
import { hasData, loadPatientCallData } from "./load-patient-call-data";
import { newRowId } from "./row-id";
import { scriptDialogues, type ScriptForCall } from "./script-dialogues";
import { withCallRows, type NewTask } from "./call-rows";

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

type LoadedScript = ScriptForCall & {
  status: "enabled" | "paused" | "stopped";
  category: "service" | "marketing";
  journeyOnly: boolean;
  clinics: { clinicId: string }[];
  variants: { id: string; sharePercent: number }[];
  abKeptVariantId: string | null;
};

export async function loadScriptForTasks(db: Tx, companyId: string, scriptId: string): Promise<LoadedScript | null> {
  return db.script.findFirst({
    where: { id: scriptId, companyId },
    select: {
      id: true,
      companyId: true,
      kind: true,
      status: true,
      category: true,
      params: true,
      preview: true,
      journeyOnly: true,
      template: { select: { paramSchema: true, scenarios: true, intents: true } },
      clinics: { select: { clinicId: true } },
      variants: { select: { id: true, sharePercent: true }, orderBy: { key: "asc" } },
      abKeptVariantId: true,
    },
  });
}

/** What the creation checks read of a patient. */
export interface CreationCandidate {
  id: string;
  clinicId: string;
  mobile: string | null;
  hasOwnMobile: boolean;
  registered: boolean;
}

export interface CreationVerdict {
  /** Normalized, or null when the patient has none. */
  mobile: string | null;
  /** Null: the task may be created (pending); else why it is not (failed with this reason). */
  failure: CreationFailure | null;
}

/**
 * The creation checks (server/domain/call-tasks/creation-checks.ts) of one script for patients of its company, with
 * what they need — opened clinics, the script's data requirements and each patient's data — loaded once. Used by
 * insertCallTasks and by 开始呼叫's dry run, so the preview and the tasks can never disagree.
 */
export async function checkTaskCreations(
  tx: Tx,
  companyId: string,
  script: LoadedScript,
  patients: readonly CreationCandidate[],
  now: Date,
): Promise<Map<string, CreationVerdict>> {
  // One connection may carry the transaction: its queries go one after another.
  const callable = new Set(await listCallableClinicIds(tx, companyId));
  const requirements = patientRequirements(await scriptDialogues(tx, script));
  const data = await loadPatientCallData(tx, patients.map((p) => p.id), requirements, now);
  const scriptClinics = new Set(script.clinics.map((c) => c.clinicId));
  const verdicts = new Map<string, CreationVerdict>();
  for (const p of patients) {
    const mobile = p.mobile ? normalizeMobile(p.mobile) : null;
    const failure = checkTaskCreation({
      scriptStatus: script.status,
      patient: { mobile, hasOwnMobile: p.hasOwnMobile, registered: p.registered },
      clinic: { opened: callable.has(p.clinicId), inScript: scriptClinics.has(p.clinicId) },
      requirements,
      has: hasData(data.get(p.id)!),
    });
    verdicts.set(p.id, { mobile, failure });
  }
  return verdicts;
}

/**
 * Creates call tasks for patients of one company and one script, each checked at creation (checkTaskCreations): those
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
  const patients = await tx.patient.findMany({
    where: { id: { in: patientIds }, companyId },
    select: { id: true, clinicId: true, mobile: true, hasOwnMobile: true, registered: true },
  });
  const company = await tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { redialMaxAttempts: true } });
  const verdicts = await checkTaskCreations(tx, companyId, script, patients, now);
  const clinicOf = new Map(patients.map((p) => [p.id, p.clinicId]));
  const maxAttempts = effectiveMaxAttempts(companyLimits(company).redialMaxAttempts);

  const planned: PlannedTask[] = [];
  const rows: NewTask[] = [];
  for (const seed of input.seeds) {
    const verdict = verdicts.get(seed.patientId);
    if (!verdict) continue;
    const { mobile, failure } = verdict;
    const id = newRowId();
    planned.push({ id, patientId: seed.patientId, rosterEntryId: seed.rosterEntryId ?? null, failure });
    rows.push({
      id,
      companyId,
      clinicId: clinicOf.get(seed.patientId)!,
      scriptId: script.id,
      patientId: seed.patientId,
      mobile,
      source: input.source,
      batchId: input.batchId ?? null,
      rosterEntryId: seed.rosterEntryId ?? null,
      status: failure ? ("failed" as const) : ("pending" as const),
      reason: failure,
      maxAttempts,
      nextAttemptAt: now,
      createdById: input.createdById ?? null,
      variantId: assignVariant(seed.patientId, script.id, script.variants, script.abKeptVariantId),
      createdAt: now,
      finishedAt: failure ? now : null,
    });
  }
  await withCallRows(tx, (writer) => writer.insertTasks(rows));
  return planned;
}
