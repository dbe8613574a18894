import { permissionProcedure } from "@/server/trpc/init";
import { listRoles } from "@/server/services/roles/list-roles";

export const listRolesProcedure = permissionProcedure("roles.manage").query(({ ctx }) => listRoles(ctx.db, ctx.scope));
