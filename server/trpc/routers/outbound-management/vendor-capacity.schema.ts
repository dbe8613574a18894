import { z } from "zod";

export const vendorCapacityInput = z.object({}).optional();
