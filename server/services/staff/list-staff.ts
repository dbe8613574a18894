import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";

/** 员工账号: the company's users with their role and clinics (company-wide ones have `allClinics`). */
export async function listStaff(db: Tx, scope: Scope) {
  const users = await db.user.findMany({
    where: { companyId: scope.companyId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      mobile: true,
      active: true,
      allClinics: true,
      role: { select: { name: true, isSystem: true } },
      userClinics: { select: { clinic: { select: { shortName: true } } }, orderBy: { clinic: { createdAt: "asc" } } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    account: u.email ?? u.mobile ?? "",
    active: u.active,
    role: u.role,
    allClinics: u.allClinics,
    clinics: u.userClinics.map((c) => c.clinic.shortName),
  }));
}
