import { z } from "zod";

export const changeCallBatchInput = z.object({
  batchId: z.string().min(1),
  action: z.enum(["pause", "resume", "cancel"]),
});
export type ChangeCallBatchInput = z.input<typeof changeCallBatchInput>;
