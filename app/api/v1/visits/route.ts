import type { z } from "zod";
import { upsertVisit } from "@/server/services/api/v1/endpoints";
import type { upsertVisitBody } from "@/server/services/api/v1/schemas";
import { apiHandler } from "../_lib/handler";

export const POST = apiHandler("upsertVisit", (ctx, input) => upsertVisit(ctx, input as z.output<typeof upsertVisitBody>));
