import type { z } from "zod";
import { upsertPatient } from "@/server/services/api/v1/endpoints";
import type { upsertPatientBody } from "@/server/services/api/v1/schemas";
import { apiHandler } from "../_lib/handler";

export const POST = apiHandler("upsertPatient", (ctx, input) => upsertPatient(ctx, input as z.output<typeof upsertPatientBody>));
