import { createTRPCRouter } from "@/server/trpc/init";
import { countSegmentProcedure } from "./count";
import { createSegmentProcedure } from "./create";
import { deleteSegmentProcedure } from "./delete";
import { listSegmentsProcedure } from "./list";
import { segmentOptionsProcedure } from "./options";
import { updateSegmentProcedure } from "./update";

export const segmentsRouter = createTRPCRouter({
  list: listSegmentsProcedure,
  options: segmentOptionsProcedure,
  count: countSegmentProcedure,
  create: createSegmentProcedure,
  update: updateSegmentProcedure,
  delete: deleteSegmentProcedure,
});
