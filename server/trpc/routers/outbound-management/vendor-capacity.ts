import { checkVendorCapacity } from "@/server/services/vendor/check-vendor-capacity";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { vendorCapacityInput } from "./vendor-capacity.schema";

/** 容量与配置检查: what the vendor accounts can do now and the problems found (the company's managers). */
export const vendorCapacityProcedure = outboundProcedure("outbound.tasks.manage")
  .input(vendorCapacityInput)
  .query(({ ctx }) => checkVendorCapacity(ctx.ports, new Date()));
