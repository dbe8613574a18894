import { createTRPCRouter } from "@/server/trpc/init";
import { listClinicsProcedure } from "./list";
import { updateClinicProcedure } from "./update";

export const clinicsRouter = createTRPCRouter({ list: listClinicsProcedure, update: updateClinicProcedure });
