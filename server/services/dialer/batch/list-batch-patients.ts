import { z } from "zod";
import type { Tx } from "@/server/db/create-client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { maskMobile } from "@/server/domain/patients/mobile";
import { MAX_BATCH_PATIENTS } from "@/server/services/dialer/batch/start-batch-call";
import type { Scope } from "@/server/domain/auth/scope";

export const listBatchPatientsInput = z.object({ ids: z.array(z.string().min(1)).min(1).max(MAX_BATCH_PATIENTS) });

/** The patients chosen in 患者管理 for 智能外呼; ids outside the caller's scope are simply not returned. */
export async function listBatchPatients(db: Tx, scope: Scope, viewer: Viewer, raw: z.input<typeof listBatchPatientsInput>) {
  const { ids } = listBatchPatientsInput.parse(raw);
  const rows = await db.patient.findMany({
    where: { id: { in: [...new Set(ids)] }, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    select: {
      id: true,
      name: true,
      gender: true,
      mobile: true,
      hasOwnMobile: true,
      medicalRecordNo: true,
      registered: true,
      clinic: { select: { id: true, shortName: true } },
      consultant: { select: { name: true } },
    },
  });
  const order = new Map(ids.map((id, i) => [id, i]));
  const showMobile = can(viewer, "patients.mobile.view");
  return rows
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((p) => ({ ...p, mobile: showMobile ? (p.mobile ?? "") : maskMobile(p.mobile), consultant: p.consultant?.name ?? null }));
}
