import { z } from "zod";

export const listCallBatchesInput = z
  .object({
    status: z.enum(["running", "paused", "cancelled"]).optional(),
    page: z.number().int().min(1).max(1_000).default(1),
    pageSize: z.number().int().min(5).max(100).default(20),
  })
  .default({ page: 1, pageSize: 20 });
export type ListCallBatchesInput = z.input<typeof listCallBatchesInput>;
