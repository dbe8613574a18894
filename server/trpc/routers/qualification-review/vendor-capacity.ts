import { checkVendorCapacity } from "@/server/services/vendor/check-vendor-capacity";
import { platformAdminProcedure } from "@/server/trpc/init";
import { platformVendorCapacityInput } from "./vendor-capacity.schema";

/** 腾讯云账号检查 in the platform console: the same check 外呼管理 shows its managers. */
export const platformVendorCapacityProcedure = platformAdminProcedure
  .input(platformVendorCapacityInput)
  .query(({ ctx }) => checkVendorCapacity(ctx.ports, new Date()));
