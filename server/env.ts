import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { vendorSettingsError } from "./env-vendors";
import { testClockShiftMs } from "./env-test-clock";

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
    // 生成AI话术 through an OpenAI-compatible chat-completions endpoint; unset → the built-in offline generator.
    LLM_BASE_URL: z.string().url().optional(),
    LLM_API_KEY: z.string().optional(),
    LLM_MODEL: z.string().optional(),
    // Post-call analysis (客户意向 + 小结 + 需回电): "rules" (offline, default) or "llm" (an OpenAI-compatible endpoint:
    // INTENT_LLM_BASE_URL / _MODEL / _API_KEY, each falling back to LLM_*). The rules' intent stands when the model fails.
    INTENT_CLASSIFIER: z.enum(["rules", "llm"]).default("rules"),
    INTENT_LLM_BASE_URL: z.string().url().optional(),
    INTENT_LLM_API_KEY: z.string().optional(),
    INTENT_LLM_MODEL: z.string().optional(),
    INTENT_LLM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(20_000),
    /** Object storage: "local" (files under DATA_DIR/storage) or "s3" (any S3-compatible service, below). */
    STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().default("us-east-1"),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** Most self-hosted S3-compatible services (MinIO, Ceph) need path-style URLs: http://host/bucket/key. */
    S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("true"),
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For (docs/security.md): 0 = the app is reached
     * directly and the TCP peer is the client; 1 = one nginx; 2 = a load balancer and nginx … Client-sent entries beyond
     * these hops are ignored.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * "1": webhooks may go to loopback / private / link-local addresses (a receiver on this machine: tests, the demo).
     * Unset or "0" (production): such URLs are refused at registration and at every delivery (SSRF, docs/security.md).
     */
    WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"]).optional(),
    /** Where carriers (and the simulator) reach this app, e.g. for /api/carrier/webhook. */
    APP_URL: z.string().url().optional(),
    /** HMAC secret of carrier webhook deliveries; required in production, a fixed dev default elsewhere. */
    CARRIER_WEBHOOK_SECRET: z.string().min(16).optional(),
    /** Carrier simulator time compression: 60 = one minute of call takes one second. */
    CARRIER_SIM_TIME_SCALE: z.coerce.number().positive().max(10_000).default(1),
    /** Simulated delivery faults: "off", or e.g. "duplicate=0.1,reorder=0.2,batch=0.2,drop=0.03" (docs/carrier-simulator.md). */
    CARRIER_SIM_FAULTS: z.string().optional(),
    /** "off": simulated calls come without recordings (no speech synthesis). */
    CARRIER_SIM_RECORDINGS: z.enum(["on", "off"]).optional(),
    /** Lifetime of the simulator's recording links, in seconds. */
    CARRIER_SIM_RECORDING_TTL_SECONDS: z.coerce.number().int().positive().optional(),
    // Real vendors (docs/carrier.md): which carrier places calls and which provider sends SMS.
    CARRIER: z.enum(["simulator", "tencent-ccc"]).default("simulator"),
    SMS: z.enum(["simulator", "tencent"]).default("simulator"),
    TENCENT_SECRET_ID: z.string().optional(),
    TENCENT_SECRET_KEY: z.string().optional(),
    /** API region (X-TC-Region); CCC and SMS accept e.g. ap-guangzhou. */
    TENCENT_REGION: z.string().default("ap-guangzhou"),
    /** "http" only for the local fakes (tests); the vendor is https. */
    TENCENT_API_PROTOCOL: z.enum(["https", "http"]).default("https"),
    /** host[:port] of the CCC / SMS API; defaults ccc.tencentcloudapi.com / sms.tencentcloudapi.com. */
    TENCENT_CCC_ENDPOINT: z.string().optional(),
    TENCENT_SMS_ENDPOINT: z.string().optional(),
    TENCENT_CCC_SDK_APP_ID: z.string().optional(),
    /** Comma-separated caller numbers bought or brought in CCC (主叫号码). */
    TENCENT_CCC_CALLERS: z.string().optional(),
    TENCENT_CCC_LLM_TYPE: z.enum(["openai", "azure", "minimax", "dify"]).default("openai"),
    TENCENT_CCC_LLM_API_URL: z.string().url().optional(),
    TENCENT_CCC_LLM_API_KEY: z.string().optional(),
    TENCENT_CCC_LLM_MODEL: z.string().optional(),
    TENCENT_CCC_VOICE_TYPE: z.string().default("ZhiMei"),
    /** The basicAuth account set in CCC's 数据推送 settings. */
    TENCENT_CCC_PUSH_USERNAME: z.string().optional(),
    TENCENT_CCC_PUSH_PASSWORD: z.string().optional(),
    TENCENT_SMS_SDK_APP_ID: z.string().optional(),
    TENCENT_SMS_SIGN_NAME: z.string().optional(),
    /** Secret in the receipt callback URL registered in the SMS console (Tencent does not sign SMS receipts). */
    TENCENT_SMS_CALLBACK_TOKEN: z.string().min(16).optional(),
    /** The carrier service (scripts/carrier-sim.ts) the app talks to; unset → the simulator runs in this process. */
    CARRIER_SIM_URL: z.string().url().optional(),
    /** "1": run the simulator in this process even when CARRIER_SIM_URL is set (unit/integration tests). */
    CARRIER_SIM_IN_PROCESS: z.enum(["0", "1"]).optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

if (process.env.SKIP_ENV_VALIDATION !== "1" && env.STORAGE_DRIVER === "s3" && !env.S3_BUCKET) {
  throw new Error("Invalid environment variables: STORAGE_DRIVER=s3 needs S3_BUCKET (and usually S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY)");
}

if (process.env.SKIP_ENV_VALIDATION !== "1" && env.INTENT_CLASSIFIER === "llm" && !intentLlmConfig()) {
  throw new Error("Invalid environment variables: INTENT_CLASSIFIER=llm needs INTENT_LLM_BASE_URL (or LLM_BASE_URL) and INTENT_LLM_MODEL (or LLM_MODEL)");
}

/** The post-call analysis model when INTENT_CLASSIFIER=llm can reach one (INTENT_LLM_*, each falling back to LLM_*). */
export function intentLlmConfig(): { baseURL: string; apiKey?: string; model: string; timeoutMs: number } | null {
  const baseURL = env.INTENT_LLM_BASE_URL ?? env.LLM_BASE_URL;
  const model = env.INTENT_LLM_MODEL ?? env.LLM_MODEL;
  if (!baseURL || !model) return null;
  const timeoutMs = Number(env.INTENT_LLM_TIMEOUT_MS ?? 20_000);
  return { baseURL, model, apiKey: env.INTENT_LLM_API_KEY ?? env.LLM_API_KEY, timeoutMs: Number.isFinite(timeoutMs) ? timeoutMs : 20_000 };
}

const vendorProblem = process.env.SKIP_ENV_VALIDATION === "1" ? null : vendorSettingsError(process.env);
if (vendorProblem) throw new Error(vendorProblem);

export const databaseUrl = () => env.DATABASE_URL ?? EMBEDDED_DATABASE_URL;

/** e2e only (env-test-clock.ts): a shifted clock; anywhere but an e2e database the process refuses to start. */
const clockShiftMs = process.env.SKIP_ENV_VALIDATION === "1" ? 0 : testClockShiftMs(process.env);

/** Now, for the monitor and the jobs: the wall clock (shifted only under the e2e harness, APP_TEST_CLOCK_SHIFT_MINUTES). */
export const appNow = () => new Date(Date.now() + clockShiftMs);

/** Demo accounts are listed on the login page in development, or when DEMO_ACCOUNTS=on. */
export const showDemoAccounts = () =>
  env.DEMO_ACCOUNTS ? env.DEMO_ACCOUNTS === "on" : env.NODE_ENV !== "production";

const DEV_CARRIER_WEBHOOK_SECRET = "dev-carrier-webhook-secret-not-for-production";

/** The app's own base URL (no trailing slash). */
export const appUrl = () => (env.APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");

/**
 * Whether built-in development secrets may stand in for AUTH_SECRET and CARRIER_WEBHOOK_SECRET: only under `next dev`
 * (which marks its server process __NEXT_DEV_SERVER=1) and in the test runner — never because NODE_ENV happens not to
 * be "production" (a staging `next start` with NODE_ENV=development would accept forged sessions and webhooks).
 */
export function devSecretsAllowed(processEnv: Record<string, string | undefined> = process.env): boolean {
  return processEnv.__NEXT_DEV_SERVER === "1" || processEnv.VITEST === "true";
}

export function carrierWebhookSecret(): string {
  if (env.CARRIER_WEBHOOK_SECRET) return env.CARRIER_WEBHOOK_SECRET;
  if (!devSecretsAllowed()) throw new Error("CARRIER_WEBHOOK_SECRET must be set (only `next dev` has a built-in one)");
  return DEV_CARRIER_WEBHOOK_SECRET;
}

/** Read defensively: with SKIP_ENV_VALIDATION (tests) env holds the raw strings. */
export function carrierSimTimeScale(): number {
  const n = Number(env.CARRIER_SIM_TIME_SCALE ?? 1);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** Whether webhook URLs may point at non-public addresses (WEBHOOK_ALLOW_PRIVATE=1). */
export function webhookAllowPrivate(): boolean {
  return env.WEBHOOK_ALLOW_PRIVATE === "1";
}

/** TRUSTED_PROXY_HOPS read defensively (with SKIP_ENV_VALIDATION env holds the raw string). */
export function trustedProxyHops(): number {
  const n = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}
