import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/content-security-policy";

const nextConfig: NextConfig = {
  // A separate build directory per browser-test run (test/e2e/global-setup.ts), so parallel runs
  // never rebuild under each other's feet; `.next` otherwise.
  distDir: process.env.HOOKLINE_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Keep the native and worker-thread-using packages out of the server bundle (and swagger-ui-dist,
  // whose prebuilt browser files /docs reads from its folder on disk, and the OpenTelemetry SDK,
  // loaded only when tracing is configured, lib/tracing).
  serverExternalPackages: [
    "pg",
    "pino",
    "pino-pretty",
    "@node-rs/argon2",
    "@prisma/adapter-pg",
    "swagger-ui-dist",
    "@opentelemetry/api",
    "@opentelemetry/sdk-node",
  ],
  // `npm run typecheck` (part of `npm test`) checks the whole project; skipping it here keeps
  // the first `npm start` quick.
  typescript: { ignoreBuildErrors: true },
  // Without this, every build into another distDir (e2e runs, benchmarks) adds its types folder
  // to tsconfig.json's "include" — a tracked file rewritten by each test run.
  experimental: { strictRouteTypes: true },
  // On every response, API included; the Content-Security-Policy (per request, with a nonce) is
  // proxy.ts's.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
