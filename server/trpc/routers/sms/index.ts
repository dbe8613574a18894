import { createTRPCRouter } from "@/server/trpc/init";
import { createSmsTemplateProcedure } from "./create";
import { listSmsTemplatesProcedure } from "./list";
import { listSmsMessagesProcedure } from "./messages";
import { smsQuotaProcedure } from "./quota";
import { reviewSmsTemplateProcedure } from "./review";
import { setSmsVendorTemplateProcedure } from "./set-vendor-template";
import { smsReviewListProcedure } from "./review-list";
import { updateSmsTemplateProcedure } from "./update";

export const smsRouter = createTRPCRouter({
  templates: listSmsTemplatesProcedure,
  createTemplate: createSmsTemplateProcedure,
  updateTemplate: updateSmsTemplateProcedure,
  setVendorTemplate: setSmsVendorTemplateProcedure,
  quota: smsQuotaProcedure,
  messages: listSmsMessagesProcedure,
  reviewList: smsReviewListProcedure,
  review: reviewSmsTemplateProcedure,
});
