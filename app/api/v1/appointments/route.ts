import type { z } from "zod";
import { upsertAppointment } from "@/server/services/api/v1/endpoints";
import type { upsertAppointmentBody } from "@/server/services/api/v1/schemas";
import { apiHandler } from "../_lib/handler";

export const POST = apiHandler("upsertAppointment", (ctx, input) => upsertAppointment(ctx, input as z.output<typeof upsertAppointmentBody>));
