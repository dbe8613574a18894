import { platformAdminProcedure } from "@/server/trpc/init";
import {
  listQualificationApplications,
  listQualificationApplicationsInput,
} from "@/server/services/qualification/list-qualification-applications";

export const listQualificationApplicationsProcedure = platformAdminProcedure
  .input(listQualificationApplicationsInput)
  .query(({ ctx, input }) => listQualificationApplications(ctx.db, input));
