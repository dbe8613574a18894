import { z } from "zod";

export const resumeCallingInput = z.object({}).optional();
