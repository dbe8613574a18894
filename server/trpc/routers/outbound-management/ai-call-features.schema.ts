import { z } from "zod";

export const aiCallFeaturesInput = z.object({}).optional();
