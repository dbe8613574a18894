import { permissionProcedure } from "@/server/trpc/init";
import { listSmsMessages } from "@/server/services/sms/list-sms-messages";
import { listSmsMessagesInput } from "@/server/services/sms/list-sms-messages.schema";

/** 短信发送记录: the company's SMS with recipient (masked), template, content, status and failure reason. */
export const listSmsMessagesProcedure = permissionProcedure("sms.manage")
  .input(listSmsMessagesInput)
  .query(({ ctx, input }) => listSmsMessages(ctx.db, ctx.scope, ctx.viewer, input));
