import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The carrier service runs next to the app (scripts/carrier-sim.ts), as in `npm run demo`. */
const CARRIER_PORT = Number(process.env.E2E_CARRIER_PORT ?? PORT + 1000);
const CARRIER_SECRET = "e2e-carrier-webhook-secret-0123456789";
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the e2e suite through `npm run test:e2e` (scripts/test-e2e.ts)");

export default defineConfig({
  testDir: "e2e",
  // e2e/tencent runs with CARRIER=tencent-ccc SMS=tencent against the fakes: playwright.tencent.config.ts.
  testIgnore: ["tencent/**"],
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".test-reports/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: "npx tsx scripts/carrier-sim.ts --fresh",
      url: `http://127.0.0.1:${CARRIER_PORT}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        CARRIER_SIM_PORT: String(CARRIER_PORT),
        APP_URL: `http://127.0.0.1:${PORT}`,
        CARRIER_WEBHOOK_SECRET: CARRIER_SECRET,
        CARRIER_SIM_TIME_SCALE: "30",
        CARRIER_SIM_STATE_DIR: `.data/e2e-carrier-${CARRIER_PORT}`,
      },
    },
    {
      command: `npx next start -p ${PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/login`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
        DEMO_ACCOUNTS: "on",
        NODE_ENV: "production",
        // The carrier simulator posts its results back to this server, signed; a minute of call takes two seconds.
        APP_URL: `http://127.0.0.1:${PORT}`,
        CARRIER_WEBHOOK_SECRET: CARRIER_SECRET,
        WEBHOOK_ALLOW_PRIVATE: "1",
        CARRIER_SIM_TIME_SCALE: "30",
        CARRIER_SIM_URL: `http://127.0.0.1:${CARRIER_PORT}`,
        ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      },
    },
  ],
});
