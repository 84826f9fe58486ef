// Chaos 3a: PostgreSQL crashes and comes straight back (`pg_ctl stop -m immediate`, then start),
// repeatedly, under a steady publish load through the production web server, with one real
// worker. Web and worker reconnect by themselves; every message answered 202 arrives, signed.
import { afterAll, describe, expect, it } from "vitest";
import { assertResult, chaosLength, recordResult, settle, sleep, startLoad, type ChaosResult } from "./chaos/harness";
import { startWorld, type World } from "./chaos/world";
import { consistency } from "./cluster";

const CONCURRENCY = 16;

interface DatabaseRestartOptions {
  durationMs: number;
  restarts: number;
  ratePerSecond?: number;
}

async function databaseRestart(world: World, options: DatabaseRestartOptions): Promise<ChaosResult> {
  const worker = await world.spawnWorker({ HOOKLINE_WORKER_CONCURRENCY: String(CONCURRENCY) });
  const load = startLoad({
    url: world.web.url,
    apiKey: world.apiKey,
    tenantId: world.tenantId,
    eventType: "chaos.restart",
    ratePerSecond: options.ratePerSecond ?? 40,
    durationMs: options.durationMs,
  });
  const faults: number[] = [];
  const every = options.durationMs / (options.restarts + 1);
  for (let restart = 1; restart <= options.restarts; restart++) {
    await sleep(load.started + restart * every - Date.now());
    faults.push(Date.now());
    await world.cluster.restartDatabaseImmediately();
  }
  const report = await load.done;
  const result = await settle({
    scenario: "3a. PostgreSQL immediate restart",
    load: report,
    receiver: world.receiver,
    paths: ["/a", "/b"],
    faults,
    // Recovery: PostgreSQL's crash recovery, the pools reconnecting, a retried publish, a claim.
    boundMs: 15_000,
    // Only rows a worker held at a crash can be sent twice: its result could not be recorded
    // before the lease ran out. A worker holds at most 2 × concurrency rows.
    duplicateBound: faults.length * 2 * CONCURRENCY,
    durationMs: options.durationMs,
  });
  assertResult(result, report, world.receiver);
  expect(world.web.child.exitCode).toBeNull();
  expect(worker.child.exitCode).toBeNull();
  const state = await consistency(world.cluster);
  expect(state.succeeded).toBe(state.deliveries);
  expect(state.stuckSending).toBe(0);
  expect(state.statsTotal).toBe(state.attempts);
  return result;
}

describe("chaos: PostgreSQL immediate restart", () => {
  let world: World | undefined;
  afterAll(async () => world?.destroy());

  it("should deliver every accepted message across immediate PostgreSQL restarts", async () => {
    world = await startWorld({
      eventTypes: ["chaos.restart"],
      endpoints: [
        { path: "/a", eventTypes: ["chaos.restart"], delayMs: 5 },
        { path: "/b", eventTypes: ["chaos.restart"], delayMs: 5 },
      ],
    });
    const result = await databaseRestart(
      world,
      chaosLength({ durationMs: 12_000, restarts: 1 }, { durationMs: 60_000, restarts: 4 }),
    );
    recordResult(result);
  });
});
