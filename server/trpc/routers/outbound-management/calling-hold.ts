import { getCallingHold } from "@/server/services/dialer/outbound/get-calling-hold";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { callingHoldInput } from "./calling-hold.schema";

export const callingHoldProcedure = outboundProcedure("outbound.view")
  .input(callingHoldInput)
  .query(({ ctx }) => getCallingHold(ctx.db, ctx.scope));
