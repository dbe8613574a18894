import { permissionProcedure } from "@/server/trpc/init";
import { submitQualification } from "@/server/services/qualification/submit-qualification";

export const submitQualificationProcedure = permissionProcedure("outbound.onboarding.manage").mutation(({ ctx }) =>
  submitQualification(ctx.db, ctx.scope, ctx.viewer),
);
