import { rejectAppointmentRequest, rejectAppointmentRequestInput } from "@/server/services/appointment-requests/decide-appointment-request";
import { permissionProcedure } from "@/server/trpc/init";

/** 不预约, with a note. */
export const rejectAppointmentRequestProcedure = permissionProcedure("followUps.view")
  .input(rejectAppointmentRequestInput)
  .mutation(({ ctx, input }) => rejectAppointmentRequest(ctx.db, ctx.scope, ctx.viewer, input));
