import { platformAdminProcedure } from "@/server/trpc/init";
import { listSmsTemplatesForReview, listSmsTemplatesForReviewInput } from "@/server/services/sms/review-sms-template";

export const smsReviewListProcedure = platformAdminProcedure
  .input(listSmsTemplatesForReviewInput)
  .query(({ ctx, input }) => listSmsTemplatesForReview(ctx.db, input));
