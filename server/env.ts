import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** Embedded PGlite (see prisma/embedded) listens here when DATABASE_URL is not set. */
export const EMBEDDED_DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:54329/postgres";

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().url().optional(),
    AUTH_SECRET: z.string().min(16).optional(),
    DEMO_ACCOUNTS: z.enum(["on", "off"]).optional(),
    INNGEST_EVENT_KEY: z.string().optional(),
    INNGEST_SIGNING_KEY: z.string().optional(),
    DATA_DIR: z.string().default(".data"),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

export const databaseUrl = () => env.DATABASE_URL ?? EMBEDDED_DATABASE_URL;

/** Demo accounts are listed on the login page in development, or when DEMO_ACCOUNTS=on. */
export const showDemoAccounts = () =>
  env.DEMO_ACCOUNTS ? env.DEMO_ACCOUNTS === "on" : env.NODE_ENV !== "production";
