import type { z } from "zod";
import { addDncEntry } from "@/server/services/api/v1/endpoints";
import type { dncBody } from "@/server/services/api/v1/schemas";
import { apiHandler } from "../_lib/handler";

export const POST = apiHandler("addDncEntry", (ctx, input) => addDncEntry(ctx, input as z.output<typeof dncBody>));
