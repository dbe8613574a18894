import { platformAdminProcedure } from "@/server/trpc/init";
import {
  setClinicOutboundOpened,
  setClinicOutboundOpenedInput,
} from "@/server/services/qualification/set-clinic-outbound-opened";

export const setClinicOpenedProcedure = platformAdminProcedure
  .input(setClinicOutboundOpenedInput)
  .mutation(({ ctx, input }) => setClinicOutboundOpened(ctx.db, ctx.viewer, input));
