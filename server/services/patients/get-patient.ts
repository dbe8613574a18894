import type { Tx } from "@/server/db/create-client";
import { can, type Viewer } from "@/server/domain/auth/permissions";
import { maskMobile } from "@/server/domain/patients/mobile";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";

/** Scope is part of the lookup itself: another company's (or clinic's) id is indistinguishable from a missing one. */
export async function getPatient(db: Tx, scope: Scope, viewer: Viewer, id: string) {
  const p = await db.patient.findFirst({
    where: { id, companyId: scope.companyId, clinicId: { in: scope.clinicIds } },
    include: {
      clinic: { select: { id: true, name: true, shortName: true } },
      consultant: { select: { id: true, name: true } },
      onlineConsultant: { select: { id: true, name: true } },
      appointments: { orderBy: { startsAt: "desc" }, take: 5 },
      visits: { orderBy: { visitedAt: "desc" }, take: 5 },
    },
  });
  if (!p) throw AppError.notFound("患者");
  return { ...p, mobile: can(viewer, "patients.mobile.view") ? p.mobile : maskMobile(p.mobile) };
}
