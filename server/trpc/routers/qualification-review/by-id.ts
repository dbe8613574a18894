import { platformAdminProcedure } from "@/server/trpc/init";
import {
  getQualificationApplication,
  getQualificationApplicationInput,
} from "@/server/services/qualification/get-qualification-application";

export const qualificationApplicationByIdProcedure = platformAdminProcedure
  .input(getQualificationApplicationInput)
  .query(({ ctx, input }) => getQualificationApplication(ctx.db, input));
