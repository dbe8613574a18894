import { z } from "zod";
import { listTimeline, timelineInput } from "@/server/services/timeline/list-timeline";
import { permissionProcedure } from "@/server/trpc/init";

/** A patient's 客户动态 (客户中心 / CDP): 预约, 到诊 and 跟进 (回访 / 随访 / 智能外呼). */
export const patientTimelineProcedure = permissionProcedure("patients.view")
  .input(timelineInput.extend({ patientId: z.string().min(1) }))
  .query(({ ctx, input }) => listTimeline(ctx.db, ctx.scope, ctx.viewer, input));
