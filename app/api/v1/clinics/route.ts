import { listClinics } from "@/server/services/api/v1/endpoints";
import { apiHandler } from "../_lib/handler";

export const GET = apiHandler("listClinics", (ctx) => listClinics(ctx));
