import type { z } from "zod";
import { listCalls } from "@/server/services/api/v1/endpoints";
import type { listCallsQuery } from "@/server/services/api/v1/schemas";
import { apiHandler } from "../_lib/handler";

export const GET = apiHandler("listCalls", (ctx, input) => listCalls(ctx, input as z.output<typeof listCallsQuery>));
