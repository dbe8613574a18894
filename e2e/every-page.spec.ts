import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { login } from "./helpers";
import { pageList, removeEveryPageFixture, seedEveryPageFixture, type EveryPageFixture } from "./every-page-fixtures";

/**
 * Every page, as the account that may open it: the security headers are on the response, the browser reports no
 * Content-Security-Policy violation (Next's inline scripts carry the request's nonce; the app needs nothing else inline),
 * and axe-core finds no serious or critical accessibility violation (WCAG 2.1 A/AA rules).
 */
let fixture: EveryPageFixture;
test.beforeAll(async () => {
  test.setTimeout(180_000); // seeding call history with recordings is slow on a busy machine
  fixture = await seedEveryPageFixture();
});
test.afterAll(async () => {
  if (fixture) await removeEveryPageFixture(fixture);
});

/** axe-core on the rendered page: serious and critical violations, one line each (rule, impact, first offending nodes). */
async function seriousA11yViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** One sign-in per account, shared by its pages' tests. */
const sessions = new Map<string, Awaited<ReturnType<Awaited<ReturnType<Browser["newContext"]>>["storageState"]>>>();
async function sessionFor(browser: Browser, account: string) {
  if (!sessions.has(account)) {
    const context = await browser.newContext();
    await login(await context.newPage(), account);
    sessions.set(account, await context.storageState());
    await context.close();
  }
  return sessions.get(account)!;
}

for (const group of pageList()) {
  test.describe(`as ${group.account ?? "an anonymous visitor"}`, () => {
    for (const entry of group.pages) {
      test(`${entry.name}: security headers, no CSP violation, no serious a11y violation`, async ({ browser }) => {
        const context = await browser.newContext(group.account ? { storageState: await sessionFor(browser, group.account) } : {});
        try {
          const page = await context.newPage();
          const violations: string[] = [];
          page.on("console", (m) => {
            if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
          });
          const path = entry.path(fixture);
          const response = await page.goto(path);
          expect(response!.status(), path).toBeLessThan(400);
          expect(new URL(page.url()).pathname, "not sent elsewhere (login, another console)").toBe(path);
          const headers = await response!.allHeaders();
          const csp = headers["content-security-policy"] ?? "";
          expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
          expect(csp).not.toContain("unsafe-eval");
          expect(csp).toContain("frame-ancestors 'self'");
          expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
          expect(headers["x-content-type-options"]).toBe("nosniff");
          expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
          expect(headers["permissions-policy"]).toContain("camera=()");
          // Served over plain http here: no HSTS (it is sent only when the request came over https).
          expect(headers["strict-transport-security"]).toBeUndefined();
          // Hydrated: Next's inline flight scripts ran (with the nonce) and React took over.
          await page.waitForLoadState("load");
          await expect.poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f))).toBe(true);
          await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined); // lists that poll never idle
          expect.soft(violations).toEqual([]);
          expect.soft(await seriousA11yViolations(page)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  });
}

test("API responses and static files carry the security headers too; HSTS only behind https", async ({ request }) => {
  const api = await request.get("/api/trpc/me");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'self'");
  const icon = await request.get("/icon.svg");
  expect(icon.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  const https = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toContain("max-age=");
  expect(https.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  expect(api.headers()["x-powered-by"]).toBeUndefined();
});
