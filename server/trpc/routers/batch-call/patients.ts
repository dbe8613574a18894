import { listBatchPatients, listBatchPatientsInput } from "@/server/services/dialer/batch/list-batch-patients";
import { outboundProcedure } from "@/server/trpc/outbound-procedure";

export const batchPatientsProcedure = outboundProcedure("outbound.calls.start")
  .input(listBatchPatientsInput)
  .query(({ ctx, input }) => listBatchPatients(ctx.db, ctx.scope, ctx.viewer, input));
