import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, isHttps } from "@/server/http/security-headers";

/**
 * Per-request CSP nonce (Next 16 proxy, formerly middleware). Next reads the nonce from the request's CSP header and
 * stamps it on its inline bootstrap scripts. The request-independent headers come from next.config.ts for every path.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = isHttps(request.nextUrl, request.headers.get("x-forwarded-proto"));
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Not for build output that never carries inline script; those still get next.config.ts's headers.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
