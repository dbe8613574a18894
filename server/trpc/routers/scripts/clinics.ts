import { outboundProcedure } from "@/server/trpc/outbound-procedure";
import { listScriptClinics } from "@/server/services/scripts/list-script-clinics";

export const scriptClinicsProcedure = outboundProcedure("outbound.view").query(({ ctx }) => listScriptClinics(ctx.db, ctx.scope));
