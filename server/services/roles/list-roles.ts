import type { Tx } from "@/server/db/create-client";
import type { Scope } from "@/server/domain/auth/scope";

export async function listRoles(db: Tx, scope: Scope) {
  const roles = await db.role.findMany({
    where: { companyId: scope.companyId },
    orderBy: [{ key: "asc" }, { createdAt: "asc" }], // RoleKey enum order: 公司管理员 first
    include: { permissions: { select: { permission: true } }, _count: { select: { users: true } } },
  });
  return roles.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    isSystem: r.isSystem,
    userCount: r._count.users,
    permissions: r.permissions.map((p) => p.permission),
  }));
}
