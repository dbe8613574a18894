import { platformAdminProcedure } from "@/server/trpc/init";
import { reviewSmsTemplate, reviewSmsTemplateInput } from "@/server/services/sms/review-sms-template";

/** 审核 (通过 / 驳回) is the platform's: see server/services/sms/review-sms-template.ts. */
export const reviewSmsTemplateProcedure = platformAdminProcedure
  .input(reviewSmsTemplateInput)
  .mutation(({ ctx, input }) => reviewSmsTemplate(ctx.db, ctx.viewer, input));
