// Chaos 3a: PostgreSQL crashes and comes straight back (`pg_ctl stop -m immediate`, then start),
// repeatedly, under a steady publish load through the production web server, with one real
// worker. Web and worker reconnect by themselves; every message answered 202 arrives, signed.
import { afterAll, describe, expect, it } from "vitest";
import { assertResult, chaosLength, recoveryAfterFaults, settle, sleep, type ChaosResult } from "./chaos/harness";
import { startWorld, type World } from "./chaos/world";

const PATHS = ["/a", "/b"] as const;
const CONCURRENCY = 16;
/** What PostgreSQL's own restart may take (crash recovery) plus Hookline's share (HOOKLINE_SHARE_MS). */
const BOUND_MS = 30_000;
/** Recovery time less PostgreSQL's own restart (from the crash to accepting connections again). */
const HOOKLINE_SHARE_MS = 5_000;

interface DatabaseRestartOptions {
  durationMs: number;
  restarts: number;
}

async function databaseRestart(world: World, options: DatabaseRestartOptions): Promise<ChaosResult> {
  // A realistic lease (the default is 60 s): longer than the outage, so rows in hand at the crash
  // stay the worker's and their results are recorded once PostgreSQL is back.
  const worker = await world.spawnWorker({
    HOOKLINE_WORKER_CONCURRENCY: String(CONCURRENCY),
    HOOKLINE_LEASE_MS: "30000",
  });
  const load = world.startLoad({ eventType: "chaos.restart", ratePerSecond: 40, durationMs: options.durationMs });
  const faults: number[] = [];
  const backAt: number[] = [];
  // Crashes spread over the first three quarters of the load, so publishing goes on after the last.
  const every = (options.durationMs * 0.75) / options.restarts;
  for (let restart = 0; restart < options.restarts; restart++) {
    await sleep(load.started + 2_000 + restart * every - Date.now());
    faults.push(Date.now());
    await world.cluster.restartDatabaseImmediately();
    backAt.push(Date.now());
  }
  const report = await load.done;
  const downMs = Math.max(...faults.map((fault, index) => backAt[index]! - fault));
  // Hookline's share of each recovery: what remains once PostgreSQL's own restart is taken off.
  const share = Math.max(
    ...faults.map(
      (fault, index) => recoveryAfterFaults([fault], report, world.receiver, PATHS)! - (backAt[index]! - fault),
    ),
  );
  const result = await settle({
    scenario: "3a. PostgreSQL immediate restart",
    load: report,
    receiver: world.receiver,
    paths: PATHS,
    faults,
    boundMs: BOUND_MS,
    // Only rows a worker held at a crash can be sent twice (when their result could not be
    // recorded before the lease ran out). A worker holds at most 2 × concurrency rows.
    duplicateBound: faults.length * 2 * CONCURRENCY,
    durationMs: options.durationMs,
    notes: `PostgreSQL down ≤ ${downMs} ms per crash; recovery less PostgreSQL's restart ≤ ${share} ms (bound ${HOOKLINE_SHARE_MS} ms)`,
  });
  assertResult(result, report, world.receiver);
  expect(share).toBeLessThan(HOOKLINE_SHARE_MS);
  await world.expectRecovered([worker]);
  return result;
}

describe("chaos: PostgreSQL immediate restart", () => {
  let world: World | undefined;
  afterAll(async () => world?.destroy());

  it("should deliver every accepted message across immediate PostgreSQL restarts", async () => {
    world = await startWorld({
      eventTypes: ["chaos.restart"],
      endpoints: [
        { path: PATHS[0], eventTypes: ["chaos.restart"], delayMs: 5 },
        { path: PATHS[1], eventTypes: ["chaos.restart"], delayMs: 5 },
      ],
    });
    await databaseRestart(world, chaosLength({ durationMs: 20_000, restarts: 1 }, { durationMs: 80_000, restarts: 4 }));
  });
});
