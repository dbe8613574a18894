import { FOLLOW_UP_TYPES, listTimeline, timelineInput } from "@/server/services/timeline/list-timeline";
import { permissionProcedure } from "@/server/trpc/init";

/** 回随访记录: every patient's 回访 / 随访 / 智能外呼 by time. */
export const followUpTimelineProcedure = permissionProcedure("followUps.view")
  .input(
    timelineInput.refine((i) => i.types.every((t) => (FOLLOW_UP_TYPES as readonly string[]).includes(t)), {
      message: "回随访记录仅包含回访、随访和智能外呼",
      path: ["types"],
    }),
  )
  .query(({ ctx, input }) => listTimeline(ctx.db, ctx.scope, ctx.viewer, input));
