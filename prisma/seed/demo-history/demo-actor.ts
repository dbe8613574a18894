import { DEFAULT_ROLE_PERMISSIONS } from "../../../server/domain/auth/permissions";
import type { Viewer } from "../../../server/domain/auth/permissions";
import type { Scope } from "../../../server/domain/auth/scope";
import type { PrismaClient } from "../db";

/** The company admin as the product's services see a signed-in user: the demo history is made through those services. */
export interface DemoActor {
  scope: Scope;
  viewer: Viewer;
  companyId: string;
  /** The clinics opened for AI calls (scripts and journeys may only use these). */
  openedClinicIds: string[];
}

export async function loadDemoActor(db: PrismaClient, companyId: string): Promise<DemoActor> {
  const admin = await db.user.findFirstOrThrow({
    where: { companyId, role: { key: "companyAdmin" } },
    select: { id: true, name: true, role: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const clinics = await db.clinic.findMany({ where: { companyId }, select: { id: true, outboundOpenedAt: true }, orderBy: { createdAt: "asc" } });
  const clinicIds = clinics.map((c) => c.id);
  return {
    companyId,
    scope: { companyId, clinicIds },
    viewer: {
      userId: admin.id,
      name: admin.name,
      companyId,
      roleKey: "companyAdmin",
      roleName: admin.role?.name ?? null,
      isPlatformAdmin: false,
      clinicIds,
      permissions: new Set(DEFAULT_ROLE_PERMISSIONS.companyAdmin),
    },
    openedClinicIds: clinics.filter((c) => c.outboundOpenedAt).map((c) => c.id),
  };
}
