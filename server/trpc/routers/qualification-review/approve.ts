import { platformAdminProcedure } from "@/server/trpc/init";
import { approveQualification, approveQualificationInput } from "@/server/services/qualification/approve-qualification";

export const approveQualificationProcedure = platformAdminProcedure
  .input(approveQualificationInput)
  .mutation(({ ctx, input }) => approveQualification(ctx.db, ctx.viewer, input));
