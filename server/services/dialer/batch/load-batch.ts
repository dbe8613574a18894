import type { Tx } from "@/server/db/create-client";
import { AppError } from "@/server/errors";
import { loadScriptForTasks } from "@/server/services/dialer/plan-call-tasks";
import type { Scope } from "@/server/domain/auth/scope";

/**
 * 开始呼叫's checks, shared by the batch and its preview so they refuse the same way: the script must be one of the
 * caller's (a script on none of their clinics behaves as missing), neither stopped nor journey-only; every patient must
 * be in the caller's clinics (NOT_FOUND otherwise). Returns the script, the patients, and those who already have an open
 * task of this script (开始呼叫 leaves them as they are).
 */
export async function loadBatch(tx: Tx, scope: Scope, input: { scriptId: string; patientIds: readonly string[] }) {
  const script = await loadScriptForTasks(tx, scope.companyId, input.scriptId);
  if (!script || !script.clinics.some((c) => scope.clinicIds.includes(c.clinicId))) throw AppError.notFound("话术");
  if (script.status === "stopped") throw new AppError("BAD_REQUEST", "话术已停用，无法发起外呼");
  if (script.journeyOnly) throw new AppError("BAD_REQUEST", "该话术为自动旅程专用，只能通过自动旅程外呼");

  const patientIds = [...new Set(input.patientIds)];
  const patients = await tx.patient.findMany({
    where: { id: { in: patientIds }, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    select: { id: true, name: true, clinicId: true, mobile: true, hasOwnMobile: true, registered: true, clinic: { select: { timezone: true } } },
  });
  if (patients.length !== patientIds.length) throw AppError.notFound("患者");
  const open = await tx.callTask.findMany({
    where: { scriptId: script.id, patientId: { in: patientIds }, status: { in: ["pending", "dialing", "inCall"] } },
    select: { patientId: true },
  });
  return { script, patientIds, patients, alreadyQueued: new Set(open.map((t) => t.patientId)) };
}
