import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Keep the native and worker-thread-using packages out of the server bundle.
  serverExternalPackages: ["pg", "pino", "pino-pretty", "@node-rs/argon2", "@prisma/adapter-pg"],
  // `npm run typecheck` (part of `npm test`) checks the whole project; skipping it here keeps
  // the first `npm start` quick.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
