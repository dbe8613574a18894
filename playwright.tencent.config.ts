import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * The full-loop journey once more with CARRIER=tencent-ccc SMS=tencent, against the fake Tencent Cloud API
 * (tests/fakes/tencent), which the official SDKs reach through profile.httpProfile.endpoint. Run by
 * scripts/test-e2e.ts after the main suite, on the same database.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const FAKE_PORT = Number(process.env.FAKE_TENCENT_PORT ?? 41500 + (PORT - 3100));
type WebServer = Exclude<NonNullable<PlaywrightTestConfig["webServer"]>, unknown[]>;
// The main config starts the carrier simulator service and the app; the Tencent run needs only the app (its carrier is the fake).
const baseServer = ([base.webServer].flat() as WebServer[]).find((s) => s.command.includes("next start")) as WebServer & { env: Record<string, string> };

export const TENCENT_E2E_ENV = {
  CARRIER: "tencent-ccc",
  SMS: "tencent",
  TENCENT_SECRET_ID: "AKIDe2eFake0123456789",
  TENCENT_SECRET_KEY: "e2e-fake-secret-key-0123456789",
  TENCENT_API_PROTOCOL: "http",
  TENCENT_CCC_ENDPOINT: `127.0.0.1:${FAKE_PORT}`,
  TENCENT_SMS_ENDPOINT: `127.0.0.1:${FAKE_PORT}`,
  TENCENT_CCC_SDK_APP_ID: "1400123456",
  TENCENT_CCC_CALLERS: "02151234567",
  TENCENT_CCC_LLM_API_URL: "https://llm.example.invalid/v1",
  TENCENT_CCC_LLM_API_KEY: "sk-e2e",
  TENCENT_CCC_PUSH_USERNAME: "tccc-push",
  TENCENT_CCC_PUSH_PASSWORD: "e2e-push-password-0123",
  TENCENT_SMS_SDK_APP_ID: "1400654321",
  TENCENT_SMS_SIGN_NAME: "微笑口腔",
  TENCENT_SMS_CALLBACK_TOKEN: "e2e-sms-receipt-token-0123456789",
  /** The template id the spec links in 短信管理; the fake's console has it approved. */
  FAKE_TENCENT_APPROVED_TEMPLATES: "2100001",
};

export default defineConfig({
  ...base,
  testDir: "e2e/tencent",
  testIgnore: [],
  reporter: [["list"], ["json", { outputFile: ".test-reports/e2e-tencent.json" }]],
  webServer: [
    {
      command: "npx tsx tests/fakes/tencent/main.ts",
      url: `http://127.0.0.1:${FAKE_PORT}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: { ...TENCENT_E2E_ENV, APP_URL: `http://127.0.0.1:${PORT}`, FAKE_TENCENT_PORT: String(FAKE_PORT) },
    },
    { ...baseServer, env: { ...baseServer.env, ...TENCENT_E2E_ENV } },
  ],
});
