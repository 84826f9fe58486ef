import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: `${root}/$1` },
      // `server-only` throws outside React Server Components; tests run on the server side.
      { find: "server-only", replacement: path.join(root, "test/helpers/server-only.ts") },
    ],
  },
  test: {
    include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
      NEXT_TELEMETRY_DISABLED: "1",
      // A fixed key, so no test writes a key file into the project's .data/.
      HOOKLINE_ENCRYPTION_KEY: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      HOOKLINE_DATA_DIR: path.join(os.tmpdir(), "hookline-vitest-data"),
    },
  },
});
