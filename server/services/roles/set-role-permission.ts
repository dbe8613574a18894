import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import { ROLE_PERMISSIONS, type Viewer } from "@/server/domain/auth/permissions";
import { AppError } from "@/server/errors";
import type { Scope } from "@/server/domain/auth/scope";
import { writeAuditLog } from "@/server/services/audit/write-audit-log";

export const setRolePermissionInput = z.object({
  roleId: z.string().min(1),
  permission: z.enum(ROLE_PERMISSIONS as unknown as [string, ...string[]]),
  granted: z.boolean(),
});
export type SetRolePermissionInput = z.input<typeof setRolePermissionInput>;

export async function setRolePermission(db: PrismaClient, scope: Scope, viewer: Viewer, raw: SetRolePermissionInput) {
  const input = setRolePermissionInput.parse(raw);
  return db.$transaction(async (tx) => {
    const role = await tx.role.findFirst({ where: { id: input.roleId, companyId: scope.companyId } });
    if (!role) throw AppError.notFound("角色");
    if (role.key === "companyAdmin" && input.permission === "roles.manage" && !input.granted) {
      throw new AppError("BAD_REQUEST", "不能移除公司管理员的角色管理权限，否则将无人可以管理角色");
    }
    if (input.granted) {
      await tx.rolePermission.upsert({
        where: { roleId_permission: { roleId: role.id, permission: input.permission } },
        create: { roleId: role.id, permission: input.permission },
        update: {},
      });
    } else {
      await tx.rolePermission.deleteMany({ where: { roleId: role.id, permission: input.permission } });
    }
    await writeAuditLog(tx, {
      companyId: scope.companyId,
      actorId: viewer.userId,
      action: input.granted ? "role.permission.grant" : "role.permission.revoke",
      targetType: "role",
      targetId: role.id,
      data: { permission: input.permission, role: role.name },
    });
    return { roleId: role.id, permission: input.permission, granted: input.granted };
  });
}
