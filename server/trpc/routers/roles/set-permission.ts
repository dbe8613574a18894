import { permissionProcedure } from "@/server/trpc/init";
import { setRolePermission, setRolePermissionInput } from "@/server/services/roles/set-role-permission";

export const setRolePermissionProcedure = permissionProcedure("roles.manage")
  .input(setRolePermissionInput)
  .mutation(({ ctx, input }) => setRolePermission(ctx.db, ctx.scope, ctx.viewer, input));
