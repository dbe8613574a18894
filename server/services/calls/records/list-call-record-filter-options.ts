import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";
import { visibleScript } from "@/server/services/scripts/visible-script";

/** Choices for the 话单记录 filters: the company's scripts, the caller's clinics and the staff who can be 归属(网电)咨询师. */
export async function listCallRecordFilterOptions(db: Tx, scope: Scope) {
  const [scripts, staff, clinics] = await Promise.all([
    db.script.findMany({
      where: visibleScript(scope),
      select: { id: true, name: true, status: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
    db.user.findMany({
      where: { companyId: scope.companyId, role: { key: { in: ["consultant", "onlineConsultant"] } } },
      select: { id: true, name: true, role: { select: { key: true } } },
      orderBy: { name: "asc" },
    }),
    db.clinic.findMany({
      where: { companyId: scope.companyId, id: { in: scope.clinicIds } },
      select: { id: true, shortName: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    scripts,
    clinics: clinics.map((c) => ({ id: c.id, name: c.shortName })),
    consultants: staff.filter((u) => u.role?.key === "consultant").map(({ id, name }) => ({ id, name })),
    onlineConsultants: staff.filter((u) => u.role?.key === "onlineConsultant").map(({ id, name }) => ({ id, name })),
  };
}
