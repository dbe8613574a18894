import { createTRPCRouter } from "@/server/trpc/init";
import { listAppointmentRequestsProcedure } from "./appointment-requests";
import { completeFollowUpTaskProcedure } from "./complete";
import { confirmAppointmentRequestProcedure } from "./confirm-appointment-request";
import { patientTimelineProcedure } from "./patient-timeline";
import { rejectAppointmentRequestProcedure } from "./reject-appointment-request";
import { listFollowUpTasksProcedure } from "./tasks";
import { followUpTimelineProcedure } from "./timeline";

export const followUpsRouter = createTRPCRouter({
  timeline: followUpTimelineProcedure,
  patientTimeline: patientTimelineProcedure,
  tasks: listFollowUpTasksProcedure,
  complete: completeFollowUpTaskProcedure,
  appointmentRequests: listAppointmentRequestsProcedure,
  confirmAppointmentRequest: confirmAppointmentRequestProcedure,
  rejectAppointmentRequest: rejectAppointmentRequestProcedure,
});
