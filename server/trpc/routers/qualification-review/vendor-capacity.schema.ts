import { z } from "zod";

export const platformVendorCapacityInput = z.object({}).optional();
