import { listAppointmentRequests, listAppointmentRequestsInput } from "@/server/services/appointment-requests/list-appointment-requests";
import { permissionProcedure } from "@/server/trpc/init";

/** 预约意向: proposed times waiting for the front desk. */
export const listAppointmentRequestsProcedure = permissionProcedure("followUps.view")
  .input(listAppointmentRequestsInput)
  .query(({ ctx, input }) => listAppointmentRequests(ctx.db, ctx.scope, input));
