// `npm run chaos`: every chaos scenario (test/reliability/chaos-*.test.ts) at its full length
// (HOOKLINE_CHAOS=full, see test/reliability/chaos/harness.ts), then a table of the results,
// printed and written to bench/results/chaos-<time>.md (test/reliability/chaos/report.ts).
import { defineConfig } from "vitest/config";
import reliability from "./vitest.reliability.config.ts";

export default defineConfig({
  ...reliability,
  test: {
    ...reliability.test,
    include: ["test/reliability/chaos-*.test.ts"],
    globalSetup: ["test/reliability/chaos/report.ts"],
    env: { ...reliability.test?.env, HOOKLINE_CHAOS: "full" },
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
