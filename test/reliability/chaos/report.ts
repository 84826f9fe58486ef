// Global setup of `npm run chaos` (vitest.chaos.config.ts): gives the scenarios a directory for
// their results (harness.ts recordResult), and at the end prints them as a table and writes it to
// bench/results/chaos-<time>.md (with the raw results beside it as .json).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import type { ChaosResult } from "./harness";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export function table(results: readonly ChaosResult[]): string {
  const ms = (value: number | null) =>
    value === null ? "n/a" : value < 10_000 ? `${value} ms` : `${(value / 1000).toFixed(1)} s`;
  const lines = [
    "| Scenario | Length | Messages | Lost | Duplicates (bound) | Recovery | Bound | p99 publish→received (202→received) | Notes |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...results.map(
      (result) =>
        `| ${result.scenario} | ${Math.round(result.durationMs / 1000)} s | ${result.messages} | ${result.lost} | ` +
        `${result.duplicates} (≤ ${result.duplicateBound}) | ${ms(result.recoveryMs)} | ${ms(result.boundMs)} | ${ms(result.latencyP99Ms ?? null)} (${ms(result.deliveryP99Ms ?? null)}) | ${result.notes ?? ""} |`,
    ),
  ];
  return lines.join("\n");
}

export function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hookline-chaos-"));
  project.provide("chaosResultsDir", dir);
  return () => {
    const results = readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as ChaosResult)
      .sort((a, b) => a.scenario.localeCompare(b.scenario, "en", { numeric: true }));
    rmSync(dir, { recursive: true, force: true });
    if (!results.length) return;
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const out = path.join(ROOT, "bench/results");
    mkdirSync(out, { recursive: true });
    const machine = `${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}`;
    const text = `# npm run chaos, ${new Date().toISOString()} (${machine})\n\n${table(results)}\n`;
    writeFileSync(path.join(out, `chaos-${stamp}.md`), text);
    writeFileSync(path.join(out, `chaos-${stamp}.json`), JSON.stringify(results, null, 2));
    console.info(`\n${text}\nwritten to bench/results/chaos-${stamp}.md`);
  };
}
