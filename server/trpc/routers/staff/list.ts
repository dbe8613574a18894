import { permissionProcedure } from "@/server/trpc/init";
import { listStaff } from "@/server/services/staff/list-staff";

/** 员工账号: a company admin's page (角色管理's permission). */
export const listStaffProcedure = permissionProcedure("roles.manage").query(({ ctx }) => listStaff(ctx.db, ctx.scope));
