import { permissionProcedure } from "@/server/trpc/init";
import { forceSignOut } from "@/server/services/staff/force-sign-out";
import { forceSignOutInput } from "@/server/services/staff/force-sign-out.schema";

export const forceSignOutProcedure = permissionProcedure("roles.manage")
  .input(forceSignOutInput)
  .mutation(({ ctx, input }) => forceSignOut(ctx.db, ctx.scope, ctx.viewer, input));
