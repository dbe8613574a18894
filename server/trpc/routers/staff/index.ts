import { createTRPCRouter } from "@/server/trpc/init";
import { forceSignOutProcedure } from "./force-sign-out";
import { listStaffProcedure } from "./list";

export const staffRouter = createTRPCRouter({ list: listStaffProcedure, forceSignOut: forceSignOutProcedure });
