// Chaos 4: every Hookline connection to PostgreSQL is cut (`pg_terminate_backend`) every 3 s
// under a steady publish load: the web process's pool, the worker's pool and its LISTEN
// connection. Both recover by themselves (no process exits); every message answered 202 arrives.
import { afterAll, describe, expect, it } from "vitest";
import { assertResult, chaosLength, settle, sleep, type ChaosResult } from "./chaos/harness";
import { startWorld, type World } from "./chaos/world";

const CONCURRENCY = 16;
const EVERY_MS = 3_000;

async function terminateBackends(world: World, options: { durationMs: number }): Promise<ChaosResult> {
  const worker = await world.spawnWorker({ HOOKLINE_WORKER_CONCURRENCY: String(CONCURRENCY) });
  const load = world.startLoad({ eventType: "chaos.terminate", ratePerSecond: 40, durationMs: options.durationMs });
  const faults: number[] = [];
  let cut = 0;
  for (let round = 1; round * EVERY_MS < options.durationMs; round++) {
    await sleep(load.started + round * EVERY_MS - Date.now());
    faults.push(Date.now());
    const [row] = await world.cluster.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    cut += row!.n;
  }
  const report = await load.done;
  const result = await settle({
    scenario: "4. pg_terminate_backend every 3 s",
    load: report,
    receiver: world.receiver,
    paths: ["/a"],
    faults,
    boundMs: 10_000,
    // A cut connection loses at most the results of one batch being recorded on it: those rows
    // (at most 2 × concurrency held by the worker) may be sent again once their lease runs out.
    duplicateBound: faults.length * 2 * CONCURRENCY,
    durationMs: options.durationMs,
    notes: `${cut} connections cut`,
  });
  assertResult(result, report, world.receiver);
  // Every round found connections of both processes to cut, and neither process died of it.
  expect(cut).toBeGreaterThanOrEqual(faults.length * 2);
  await world.expectRecovered([worker]);
  return result;
}

describe("chaos: PostgreSQL connections terminated", () => {
  let world: World | undefined;
  afterAll(async () => world?.destroy());

  it("should recover by itself when every connection is terminated every 3 s", async () => {
    world = await startWorld({
      eventTypes: ["chaos.terminate"],
      endpoints: [{ path: "/a", eventTypes: ["chaos.terminate"], delayMs: 5 }],
    });
    await terminateBackends(world, chaosLength({ durationMs: 10_000 }, { durationMs: 30_000 }));
  });
});
