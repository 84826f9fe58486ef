// Fault-injection scenarios (test/reliability/): real processes, a PostgreSQL of their own that
// the tests stop and start, receivers on loopback. Part of `npm test`, run after the unit and
// integration suites. (Not mergeConfig: it would append to `include` instead of replacing it.)
import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/reliability/**/*.test.ts"],
    globalSetup: [],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
