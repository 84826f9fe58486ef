// Fault-injection scenarios (test/reliability/): real processes, a PostgreSQL of their own that
// the tests stop and start, receivers on loopback. Part of `npm test`, run after the unit and
// integration suites.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.ts";

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ["test/reliability/**/*.test.ts"],
      globalSetup: [],
      fileParallelism: false,
      testTimeout: 240_000,
      hookTimeout: 240_000,
    },
  }),
);
