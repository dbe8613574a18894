import { z } from "zod";

export const callingHoldInput = z.object({}).optional();
