import { platformAdminProcedure } from "@/server/trpc/init";
import { rejectQualification, rejectQualificationInput } from "@/server/services/qualification/reject-qualification";

export const rejectQualificationProcedure = platformAdminProcedure
  .input(rejectQualificationInput)
  .mutation(({ ctx, input }) => rejectQualification(ctx.db, ctx.viewer, input));
