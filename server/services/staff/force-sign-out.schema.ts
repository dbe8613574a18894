import { z } from "zod";

export const forceSignOutInput = z.object({ userId: z.string().min(1) });
export type ForceSignOutInput = z.input<typeof forceSignOutInput>;
