import { confirmAppointmentRequest, confirmAppointmentRequestInput } from "@/server/services/appointment-requests/decide-appointment-request";
import { permissionProcedure } from "@/server/trpc/init";

/** 确认预约: a person turns a proposed time into an appointment. */
export const confirmAppointmentRequestProcedure = permissionProcedure("followUps.view")
  .input(confirmAppointmentRequestInput)
  .mutation(({ ctx, input }) => confirmAppointmentRequest(ctx.db, ctx.scope, ctx.viewer, input));
