import { permissionProcedure } from "@/server/trpc/init";
import { getMyQualification } from "@/server/services/qualification/get-my-qualification";

export const myQualificationProcedure = permissionProcedure("outbound.onboarding.manage").query(({ ctx }) =>
  getMyQualification(ctx.db, ctx.scope, ctx.viewer),
);
