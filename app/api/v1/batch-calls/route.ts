import type { z } from "zod";
import { startApiBatchCall } from "@/server/services/api/v1/endpoints";
import type { batchCallBody } from "@/server/services/api/v1/schemas";
import { apiHandler } from "../_lib/handler";

export const POST = apiHandler("startBatchCall", (ctx, input) => startApiBatchCall(ctx, input as z.output<typeof batchCallBody>));
