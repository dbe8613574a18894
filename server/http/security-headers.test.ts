import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttps, STATIC_SECURITY_HEADERS } from "./security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `) || d === name);

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the request's nonce in production, never eval or inline", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, https: true });
    const script = directive(csp, "script-src")!;
    expect(script).toContain("'nonce-abc123'");
    expect(script).not.toContain("unsafe-eval");
    expect(script).not.toContain("unsafe-inline");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'self'");
    expect(directive(csp, "media-src")).toContain("'self'");
    expect(directive(csp, "upgrade-insecure-requests")).toBeDefined();
  });

  it("allows eval and the HMR socket only in development, and upgrades requests only over https", () => {
    const csp = contentSecurityPolicy({ nonce: "n", dev: true, https: false });
    expect(directive(csp, "script-src")).toContain("'unsafe-eval'");
    expect(directive(csp, "connect-src")).toContain("ws:");
    expect(directive(csp, "upgrade-insecure-requests")).toBeUndefined();
  });
});

describe("security headers", () => {
  it("lists the static headers once each", () => {
    const keys = STATIC_SECURITY_HEADERS.map((h) => h.key.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(["x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy"]));
  });

  it("detects https directly or behind a TLS-terminating proxy", () => {
    expect(isHttps(new URL("https://a.test/x"), null)).toBe(true);
    expect(isHttps(new URL("http://a.test/x"), "https")).toBe(true);
    expect(isHttps(new URL("http://a.test/x"), "https, http")).toBe(true);
    expect(isHttps(new URL("http://a.test/x"), "http")).toBe(false);
    expect(isHttps(new URL("http://a.test/x"), null)).toBe(false);
  });
});
