import { createTRPCRouter } from "@/server/trpc/init";
import { listRolesProcedure } from "./list";
import { setRolePermissionProcedure } from "./set-permission";

export const rolesRouter = createTRPCRouter({ list: listRolesProcedure, setPermission: setRolePermissionProcedure });
