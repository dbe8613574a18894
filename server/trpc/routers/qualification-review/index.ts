import { createTRPCRouter } from "@/server/trpc/init";
import { approveQualificationProcedure } from "./approve";
import { qualificationApplicationByIdProcedure } from "./by-id";
import { listQualificationApplicationsProcedure } from "./list";
import { rejectQualificationProcedure } from "./reject";
import { setClinicOpenedProcedure } from "./set-clinic-opened";
import { platformVendorCapacityProcedure } from "./vendor-capacity";

/** Platform admins' review console (资质审核) and clinic opening. */
export const qualificationReviewRouter = createTRPCRouter({
  list: listQualificationApplicationsProcedure,
  byId: qualificationApplicationByIdProcedure,
  approve: approveQualificationProcedure,
  reject: rejectQualificationProcedure,
  setClinicOpened: setClinicOpenedProcedure,
  vendorCapacity: platformVendorCapacityProcedure,
});
