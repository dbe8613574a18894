import { permissionProcedure } from "@/server/trpc/init";
import { saveApplicant, saveApplicantInput } from "@/server/services/qualification/save-applicant";

export const saveApplicantProcedure = permissionProcedure("outbound.onboarding.manage")
  .input(saveApplicantInput)
  .mutation(({ ctx, input }) => saveApplicant(ctx.db, ctx.scope, ctx.viewer, input));
