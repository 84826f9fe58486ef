// Chaos 1, 2 and 3b: faults of the processes `npm start` runs, under a steady publish load
// through its web process, with the supervisor doing the recovering. One stack for the three
// scenarios (each with its own event type and endpoints), started the way a user starts it.
//  1. kill -9 of the worker every 2 s (whenever one is up): it is started again each time, with
//     the backoff of lib/supervisor/restart-policy.ts; the new worker takes back what the dead
//     one held at once (HOOKLINE_REPLACES_WORKER_IDS), so nothing waits for a lease to run out.
//  2. kill -9 of the web process mid-publish: publishes in flight get no answer; the client
//     retries them with the same Idempotency-Key until the restarted web answers, and each key
//     yields exactly one message.
//  3b. kill -9 of the embedded PostgreSQL (the postmaster): started again on its port; web and
//     worker reconnect without a restart.
// Each asserts: every accepted message arrives, signed; duplicates only for deliveries that
// arrived before a fault and could not be recorded; recovery (fault → first arrival of a
// message first published after it) under the stated bound.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertResult,
  chaosLength,
  recoveryAfterFaults,
  settle,
  sleep,
  type Load,
  type LoadReport,
  type SigningReceiver,
} from "./chaos/harness";
import type { TSupervisedProcess } from "@/lib/supervisor/supervisor-state";
import { RECORD_BATCH } from "@/worker/delivery-worker";
import { startStack, type Stack } from "./chaos/stack";
import { expectSettled } from "./cluster";

const RATE = 30;
const CONCURRENCY = 16;
/** A worker's start-up (tsx, imports, first claim) and first delivery, on a loaded 2-core machine. */
const WORKER_START_BOUND_MS = 30_000;
/** The web process's restart: 1 s backoff + Next's start-up + the first publish delivered. */
const WEB_BOUND_MS = 30_000;
/** PostgreSQL's restart (crash recovery included) + reconnects + the first delivery. */
const DATABASE_BOUND_MS = 30_000;

/**
 * Duplicates may only come from deliveries in flight at a fault: a message that reached the
 * receiver before some fault and again after it. Returns the duplicates that are not like that.
 */
function unexplainedDuplicates(receiver: SigningReceiver, paths: readonly string[], faults: readonly number[]) {
  const arrivals = new Map<string, number[]>();
  for (const arrival of receiver.arrivals) {
    if (!paths.includes(arrival.path)) continue;
    const key = `${arrival.path} ${arrival.messageId}`;
    arrivals.set(key, [...(arrivals.get(key) ?? []), arrival.at]);
  }
  return [...arrivals.entries()].filter(
    ([, times]) => times.length > 1 && !faults.some((fault) => times[0]! <= fault && times.at(-1)! >= fault),
  );
}

/** Every accepted publish is exactly one message: as many messages of the type as accepted keys. */
async function oneMessagePerKey(stack: Stack, eventType: string, report: LoadReport) {
  const rows = await stack.query<{ id: string }>(`SELECT id FROM messages WHERE tenant_id = $1 AND event_type = $2`, [
    stack.tenantId,
    eventType,
  ]);
  expect(new Set(report.accepted.map((published) => published.idempotencyKey)).size).toBe(report.accepted.length);
  expect(rows.map((row) => row.id).sort()).toEqual(report.accepted.map((published) => published.messageId).sort());
}

/**
 * Kills `name` with SIGKILL `kills` times, 4 s into the load and every 20 s after, each time
 * waiting until the supervisor runs it again; `pid` is the process to kill (by default the
 * supervised one). Returns the times of the kills.
 */
async function killRepeatedly(
  stack: Stack,
  load: Load,
  kills: number,
  name: "web" | "database",
  pid: (supervised: TSupervisedProcess) => number = (supervised) => supervised.pid!,
): Promise<number[]> {
  const faults: number[] = [];
  for (let kill = 0; kill < kills; kill++) {
    await sleep(load.started + 4_000 + kill * 20_000 - Date.now());
    const supervised = stack.supervised(name);
    process.kill(pid(supervised), "SIGKILL");
    faults.push(Date.now());
    await stack.restarted(name, supervised.pid!);
  }
  return faults;
}

describe("chaos: npm start under fire", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ HOOKLINE_WORKER_CONCURRENCY: String(CONCURRENCY) });
  }, 900_000); // npm start builds the web app first when the sources changed
  afterAll(async () => {
    if (process.env.CHAOS_DUMP)
      (await import("node:fs")).writeFileSync(process.env.CHAOS_DUMP, stack.hookline.output());
    await stack?.destroy();
  });

  it("1. should bring the worker back after every kill -9 and deliver everything", async () => {
    const paths = ["/w/a", "/w/b"];
    await stack.addEndpoints("chaos.worker", paths, { delayMs: 5 });
    const { durationMs, killingMs } = chaosLength(
      { durationMs: 14_000, killingMs: 10_000 },
      { durationMs: 40_000, killingMs: 30_000 },
    );
    const load = stack.startLoad({ eventType: "chaos.worker", ratePerSecond: RATE, durationMs });
    const faults: number[] = [];
    const delays: number[] = [];
    const restartsBefore = stack.supervised("worker").restarts;
    // Every 2 s, kill the worker if one is up (while it waits for its restart there is none).
    for (let tick = 1; tick * 2_000 <= killingMs; tick++) {
      await sleep(load.started + tick * 2_000 - Date.now());
      const worker = stack.supervised("worker");
      if (worker.state !== "running" || worker.pid === null) continue;
      process.kill(worker.pid, "SIGKILL");
      faults.push(Date.now());
      const restarting = await (async () => {
        for (;;) {
          const now = stack.supervised("worker");
          if (now.restarts > restartsBefore + delays.length) return now;
          await sleep(20);
        }
      })();
      delays.push(Date.parse(restarting.nextRestartAt!) - Date.parse(restarting.lastExit!.at));
      expect(restarting.lastExit!.cause).toBe("signal SIGKILL");
    }
    const lastKilled = stack.supervised("worker");
    await stack.restarted("worker", lastKilled.pid ?? -1);
    const report = await load.done;
    const result = await settle({
      scenario: "1. kill -9 worker every 2 s (npm start)",
      load: report,
      receiver: stack.receiver,
      paths,
      faults,
      boundMs: null, // set below
      // What a killed worker had sent and not recorded: its tries in flight and at most one
      // recording batch of results waiting (docs/ARCHITECTURE.md, at-least-once).
      duplicateBound: faults.length * (2 * CONCURRENCY + RECORD_BATCH),
      durationMs,
    });
    // A kill may hit a worker still starting (kills come every 2 s, a start takes longer), so an
    // earlier kill's recovery runs into the next kill: the bound is for the last one, which
    // nothing follows: its backoff delay plus the worker's start-up and first delivery.
    result.recoveryMs = recoveryAfterFaults([faults.at(-1)!], report, stack.receiver, paths);
    result.boundMs = delays.at(-1)! + WORKER_START_BOUND_MS;
    result.notes = `${faults.length} kills, restart delays ${delays.map((ms) => ms / 1000).join(", ")} s; recovery after the last kill`;
    assertResult(result, report, stack.receiver);
    expect(faults.length).toBeGreaterThanOrEqual(2);
    expect(stack.supervised("worker").restarts).toBe(restartsBefore + faults.length);
    expect(unexplainedDuplicates(stack.receiver, paths, faults)).toEqual([]);
    expect(stack.supervised("web").restarts).toBe(0);
    await expectSettled(stack);
  });

  it("2. should lose no publish when the web process is killed mid-publish, and store each key once", async () => {
    const paths = ["/p/a", "/p/b"];
    await stack.addEndpoints("chaos.web", paths, { delayMs: 5 });
    const { durationMs, kills } = chaosLength({ durationMs: 16_000, kills: 1 }, { durationMs: 60_000, kills: 3 });
    const load = stack.startLoad({ eventType: "chaos.web", ratePerSecond: RATE, durationMs, requestTimeoutMs: 5_000 });
    const faults = await killRepeatedly(stack, load, kills, "web");
    const report = await load.done;
    const result = await settle({
      scenario: "2. kill -9 web mid-publish (npm start)",
      load: report,
      receiver: stack.receiver,
      paths,
      faults,
      boundMs: WEB_BOUND_MS,
      duplicateBound: 0, // the deliveries do not go through the web process
      durationMs,
      notes:
        `${kills} kills; ${report.statuses[0] ?? 0} tries got no answer (cut off or refused) and were retried with their key, ` +
        `${report.accepted.filter((published) => published.replayed).length} had been stored (answered 200 with the original)`,
    });
    assertResult(result, report, stack.receiver);
    expect(report.statuses[0] ?? 0).toBeGreaterThan(0); // the kill did cut publishes off
    await oneMessagePerKey(stack, "chaos.web", report);
    expect(stack.supervised("web").restarts).toBeGreaterThanOrEqual(kills);
    await expectSettled(stack);
  });

  it("3b. should restart a killed embedded PostgreSQL, and web and worker carry on", async () => {
    const paths = ["/d/a", "/d/b"];
    await stack.addEndpoints("chaos.database", paths, { delayMs: 5 });
    const { durationMs, kills } = chaosLength({ durationMs: 16_000, kills: 1 }, { durationMs: 60_000, kills: 3 });
    const before = { web: stack.supervised("web"), worker: stack.supervised("worker") };
    const load = stack.startLoad({
      eventType: "chaos.database",
      ratePerSecond: RATE,
      durationMs,
      requestTimeoutMs: 5_000,
    });
    // The postmaster itself (the supervised process is the owner that runs it).
    const faults = await killRepeatedly(stack, load, kills, "database", () => stack.postmasterPid());
    const report = await load.done;
    const result = await settle({
      scenario: "3b. kill -9 embedded PostgreSQL (npm start)",
      load: report,
      receiver: stack.receiver,
      paths,
      faults,
      boundMs: DATABASE_BOUND_MS,
      duplicateBound: kills * (2 * CONCURRENCY + RECORD_BATCH),
      durationMs,
      notes: `${kills} kills; ${report.statuses[503] ?? 0} publishes answered 503 and ${report.statuses[0] ?? 0} no answer while it was down, all retried`,
    });
    assertResult(result, report, stack.receiver);
    expect(unexplainedDuplicates(stack.receiver, paths, faults)).toEqual([]);
    await oneMessagePerKey(stack, "chaos.database", report);
    // Only the database was restarted: web and worker reconnected by themselves.
    expect(stack.supervised("web")).toMatchObject({ pid: before.web.pid, restarts: before.web.restarts });
    expect(stack.supervised("worker")).toMatchObject({ pid: before.worker.pid, restarts: before.worker.restarts });
    await expectSettled(stack);
  });
});
