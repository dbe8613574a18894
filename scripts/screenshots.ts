/**
 * Refreshes the README's screenshots (docs/screenshots/*.png) from a running demo, with the e2e browser (Debian
 * chromium through Playwright):
 *   bash scripts/dev.sh                 # or: npm run demo -- --prod
 *   npx tsx scripts/screenshots.ts      # APP_URL=http://127.0.0.1:3000 by default
 * Without a CJK font headless chromium draws every Chinese character as an empty box, so the script installs Debian's
 * fonts-noto-cjk when it is missing (as root) and refuses to take screenshots without it.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";

const APP_URL = process.env.APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const OUT = path.resolve("docs/screenshots");
const PASSWORD = "Demo@2026";

function cjkFonts(): string {
  try {
    return execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

function ensureCjkFont() {
  if (cjkFonts()) return;
  if (process.getuid?.() === 0) {
    console.log("▸ installing fonts-noto-cjk (Chinese text would render as boxes without it)…");
    execFileSync("bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null && fc-cache -f"], {
      stdio: "inherit",
    });
  }
  if (!cjkFonts()) throw new Error("No CJK font (fc-list :lang=zh is empty): install Debian's fonts-noto-cjk, then run again.");
}

async function login(page: Page, account: string) {
  await page.goto(`${APP_URL}/login`);
  await page.getByLabel("手机号或邮箱").fill(account);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.addStyleTag({ content: "nextjs-portal { display: none !important; }" }); // next dev's indicator
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  console.log(`▸ docs/screenshots/${name}.png`);
}

/** The demo journey's editor, found through the list (the script needs no database access). */
async function journeyHref(page: Page): Promise<string> {
  await page.goto(`${APP_URL}/journeys`);
  const link = page.getByTestId("journey-row-术后关怀回访").getByRole("link").first();
  return (await link.getAttribute("href")) ?? "/journeys";
}

async function main() {
  ensureCjkFont();
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    // `next dev` compiles each page on its first visit, which can take minutes on a busy machine.
    context.setDefaultTimeout(180_000);
    context.setDefaultNavigationTimeout(300_000);
    const page = await context.newPage();
    await login(page, "admin@a.demo");

    await page.goto(`${APP_URL}/management/outbound`);
    await page.getByTestId("managed-script-row").first().waitFor();
    await shot(page, "outbound-management");

    await page.getByTestId("managed-script-row").filter({ hasText: "种植牙专家面诊邀约" }).getByRole("link", { name: "详情" }).click();
    await page.getByTestId("metric-dialed").getByTestId("metric-value").waitFor();
    await shot(page, "script-detail");

    await page.goto(`${APP_URL}/call-records?outcome=answered`);
    await page.getByTestId("call-record-row").first().getByRole("button", { name: "详情" }).click();
    await page.getByTestId("call-detail").getByTestId("transcript-round").first().waitFor();
    await page.getByTestId("call-detail").getByTestId("call-audio").evaluate((el: HTMLAudioElement) => new Promise((r) => (el.readyState >= 1 ? r(null) : el.addEventListener("loadedmetadata", () => r(null), { once: true }))));
    await shot(page, "call-record");
    await page.keyboard.press("Escape");

    await page.goto(`${APP_URL}${await journeyHref(page)}`);
    await page.getByTestId("node-智能外呼 1").click();
    await page.getByTestId("tab-metrics").click();
    await page.getByTestId("node-metrics").waitFor();
    await shot(page, "journey");
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
