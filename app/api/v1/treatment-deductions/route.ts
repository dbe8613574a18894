import type { z } from "zod";
import { upsertTreatmentDeduction } from "@/server/services/api/v1/endpoints";
import type { upsertTreatmentDeductionBody } from "@/server/services/api/v1/schemas";
import { apiHandler } from "../_lib/handler";

export const POST = apiHandler("upsertTreatmentDeduction", (ctx, input) => upsertTreatmentDeduction(ctx, input as z.output<typeof upsertTreatmentDeductionBody>));
