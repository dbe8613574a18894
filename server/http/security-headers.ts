/**
 * Security headers for every response. The Content-Security-Policy carries a per-request nonce (set by `proxy.ts`), which
 * Next reads from the request's CSP header and puts on its own inline scripts; nothing else may run inline script.
 */

/** `https`: the request came over TLS, so plain-http subresources may be upgraded (never on http, which would break them). */
export type CspOptions = { nonce: string; dev: boolean; https: boolean };

export function contentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic' lets Next's nonce'd bootstrap load its chunks; React's dev build needs eval (never in production).
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Radix, React Flow and sonner position things with inline style attributes; a nonce cannot cover attributes.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Uploaded 资质材料 are previewed from a local blob before upload, then from /api/qualification/documents/…
    "img-src": ["'self'", "blob:", "data:"],
    "font-src": ["'self'", "data:"],
    // Recordings and synthesized script audio are same-origin API routes.
    "media-src": ["'self'", "blob:"],
    "connect-src": ["'self'", ...(dev ? ["ws:", "wss:"] : [])],
    // PDF 资质材料 are shown in an <object> from our own API.
    "object-src": ["'self'"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    // 'self' (not 'none') so the PDF <object> may embed our own document route; other sites cannot frame the app.
    "frame-ancestors": ["'self'"],
  };
  const policy = Object.entries(directives).map(([k, v]) => `${k} ${v.join(" ")}`);
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** Headers that do not depend on the request: set on every response, static files included (next.config.ts). */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Nothing in the app uses these; the microphone stays off too (calls are placed by the carrier, not the browser).
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

export const HSTS = "max-age=31536000; includeSubDomains";

/** HTTPS as the client saw it: directly, or through a proxy that terminates TLS. */
export function isHttps(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === "https:") return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}
