import { getCall } from "@/server/services/api/v1/endpoints";
import { apiHandler } from "../../_lib/handler";

export const GET = apiHandler("getCall", (ctx, _input, params) => getCall(ctx, params.id ?? ""));
