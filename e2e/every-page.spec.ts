import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";
import { pagesByAccount, removeEveryPageFixture, seedEveryPageFixture, type EveryPageFixture } from "./every-page-fixtures";

/**
 * Every page, as the account that may open it: the security headers are on the response, and the browser reports no
 * Content-Security-Policy violation (Next's inline scripts carry the request's nonce; the app needs nothing else inline).
 */
let fixture: EveryPageFixture;
test.beforeAll(async () => {
  fixture = await seedEveryPageFixture();
});
test.afterAll(async () => {
  if (fixture) await removeEveryPageFixture(fixture);
});

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

for (const group of [null, "admin@a.demo", "13800000000"]) {
  test(`every page for ${group ?? "anonymous visitors"}: security headers and no CSP violation`, async ({ page }) => {
    test.setTimeout(180_000);
    const { pages, account } = pagesByAccount(fixture).find((g) => g.account === group)!;
    if (account) await login(page, account);
    const violations = collectCspViolations(page);
    for (const { path, name } of pages) {
      const response = await page.goto(path);
      expect(response, name).not.toBeNull();
      expect(response!.status(), `${name} ${path}`).toBeLessThan(400);
      const headers = await response!.allHeaders();
      const csp = headers["content-security-policy"] ?? "";
      expect(csp, name).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, name).not.toContain("unsafe-eval");
      expect(csp, name).toContain("frame-ancestors 'self'");
      expect(headers["x-frame-options"], name).toBe("SAMEORIGIN");
      expect(headers["x-content-type-options"], name).toBe("nosniff");
      expect(headers["referrer-policy"], name).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], name).toContain("camera=()");
      // Served over plain http here: no HSTS (it is sent only when the request came over https).
      expect(headers["strict-transport-security"], name).toBeUndefined();
      // Hydrated: React ran (Next's inline flight scripts executed with the nonce).
      await page.waitForLoadState("load");
      await expect.poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f)), { message: name }).toBe(true);
      expect(violations, `${name} ${path}`).toEqual([]);
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
});
