import { createTRPCRouter } from "@/server/trpc/init";
import { patientTimelineProcedure } from "./patient-timeline";
import { listFollowUpTasksProcedure } from "./tasks";
import { followUpTimelineProcedure } from "./timeline";

export const followUpsRouter = createTRPCRouter({
  timeline: followUpTimelineProcedure,
  patientTimeline: patientTimelineProcedure,
  tasks: listFollowUpTasksProcedure,
});
