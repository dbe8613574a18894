import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import "./server/env"; // validates the environment when the app boots
import { STATIC_SECURITY_HEADERS } from "./server/http/security-headers";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const nextConfig: NextConfig = {
  // Packages that load .wasm or native pieces at run time must not be bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "espeak-ng",
    "@prisma/adapter-pg",
    "pg",
    "bcryptjs",
  ],
  // Separate build dirs let several e2e runs share one checkout (NEXT_DIST_DIR=.next-foo).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
  // No `x-powered-by: Next.js`: no need to tell a prober what to try.
  poweredByHeader: false,
  // `next dev` serves its scripts only to the host it announces (localhost); the quick start is often opened as 127.0.0.1.
  allowedDevOrigins: ["127.0.0.1"],
  // proxy.ts buffers request bodies; above this it truncates them. Uploads stop at 10 MB in their own route, which must
  // see more than 10 MB (and the Content-Length) to answer 「文件超过 10 MB」 instead of an unreadable file.
  experimental: { authInterrupts: true, proxyClientMaxBodySize: "16mb" },
  // The Content-Security-Policy (with its per-request nonce) and HSTS come from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
