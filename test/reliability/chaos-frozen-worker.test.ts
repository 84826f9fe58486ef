// Chaos 6: two workers under a steady publish load; one is frozen with SIGSTOP (a stalled VM, a
// GC pause, a debugger) for longer than its lease. The other takes its deliveries over once the
// leases run out; when the frozen one resumes (SIGCONT) it sends nothing it no longer holds,
// records nothing twice (attempt numbers stay unique per delivery) and does not overwrite the
// outcome the other worker recorded.
import { afterAll, describe, expect, it } from "vitest";
import { assertResult, chaosLength, settle, sleep, type ChaosResult, type LoadReport } from "./chaos/harness";
import { startWorld, type World } from "./chaos/world";
import { IDLE_IN_TRANSACTION_TIMEOUT_MS } from "@/lib/db";
import { eventually } from "../helpers/worker";
import type { WorkerProcess } from "../helpers/worker-process";

const LEASE_MS = 3_000;
const ENDPOINT_CONCURRENCY = 4;
/**
 * Freeze → the taken-over deliveries arrive: the lease running out (or, when the worker froze
 * inside a transaction, PostgreSQL ending that session and its row locks), a maintenance round,
 * a claim, a send.
 */
const BOUND_MS = Math.max(LEASE_MS, IDLE_IN_TRANSACTION_TIMEOUT_MS) + 4_000;
/** Longer than the bound, so that the takeover is seen while the worker is still frozen. */
const FREEZE_MS = BOUND_MS + 3_000;

function workerId(worker: WorkerProcess): string {
  const id = /"workerId":"(wkr_[A-Za-z0-9]+)"/.exec(worker.output())?.[1];
  if (!id) throw new Error("the worker did not log its id");
  return id;
}

async function frozenWorker(world: World, options: { durationMs: number; freezes: number }): Promise<ChaosResult> {
  const env = { HOOKLINE_LEASE_MS: String(LEASE_MS), HOOKLINE_WORKER_CONCURRENCY: "16" };
  const [frozen, other] = await Promise.all([world.spawnWorker(env), world.spawnWorker(env)]);
  const frozenId = workerId(frozen);
  const steady = world.startLoad({ eventType: "chaos.freeze", ratePerSecond: 10, durationMs: options.durationMs });
  const bursts: Array<Promise<LoadReport>> = [];
  const faults: number[] = [];
  let inFlightAtFreeze = 0;
  let takeoverMs = 0;
  let resentAfterResume = 0;
  const every = (options.durationMs - FREEZE_MS) / options.freezes;

  for (let freeze = 0; freeze < options.freezes; freeze++) {
    await sleep(steady.started + 1_000 + freeze * every - Date.now());
    // A burst, so that the worker to be frozen holds more than its endpoint gate lets through:
    // some of its rows are in flight, the rest queued behind the gate.
    bursts.push(world.startLoad({ eventType: "chaos.freeze", ratePerSecond: 200, durationMs: 200 }).done);
    const heldBy = () =>
      world.cluster.query<{ message_id: string; lease_until: Date }>(
        `SELECT message_id, lease_until FROM deliveries WHERE status = 'sending' AND lease_owner = $1`,
        [frozenId],
      );
    await eventually(
      async () => ((await heldBy()).length > ENDPOINT_CONCURRENCY ? true : undefined),
      20_000,
      "the worker to hold more than its gate lets through",
    );
    frozen.child.kill("SIGSTOP");
    const frozenAt = Date.now();
    faults.push(frozenAt);
    const held = await heldBy(); // what it holds now that it can change nothing
    // Its rows are still its own until their leases run out: what arrives before is what it sent.
    const leaseEnds = Math.min(...held.map((row) => row.lease_until.getTime()));
    await sleep(FREEZE_MS);
    const sentByFrozen = held.filter(
      (row) => (world.receiver.firstArrival("/a", row.message_id) ?? Infinity) < leaseEnds,
    ).length;
    inFlightAtFreeze += sentByFrozen;
    // Every row it held was delivered while it was frozen: taken over.
    for (const row of held) {
      const arrivals = world.receiver.arrivals.filter(
        (arrival) => arrival.messageId === row.message_id && arrival.at >= leaseEnds,
      );
      const firstAfterLease = arrivals[0]?.at;
      expect(firstAfterLease, `delivery of ${row.message_id} taken over while the worker was frozen`).toBeDefined();
      takeoverMs = Math.max(takeoverMs, firstAfterLease! - frozenAt);
    }
    frozen.child.kill("SIGCONT");
    const resumedAt = Date.now();
    await sleep(2_000); // time to flush what it had in hand
    resentAfterResume += world.receiver.arrivals.filter(
      (arrival) => arrival.at >= resumedAt && held.some((row) => row.message_id === arrival.messageId),
    ).length;
    console.info(
      `freeze ${freeze + 1}: held ${held.length} rows, ${sentByFrozen} of them sent before the freeze; ` +
        `${resentAfterResume} sent again after it resumed`,
    );
  }

  const steadyReport = await steady.done;
  const burstReports = await Promise.all(bursts);
  const report: LoadReport = {
    accepted: [...steadyReport.accepted, ...burstReports.flatMap((burst) => burst.accepted)],
    givenUp: steadyReport.givenUp + burstReports.reduce((sum, burst) => sum + burst.givenUp, 0),
    statuses: steadyReport.statuses,
    unexpected: [...steadyReport.unexpected, ...burstReports.flatMap((burst) => burst.unexpected)],
  };
  const result = await settle({
    scenario: "6. Worker frozen (SIGSTOP) past its lease",
    load: report,
    receiver: world.receiver,
    paths: ["/a"],
    faults,
    boundMs: BOUND_MS,
    recoveryMs: takeoverMs, // freeze → the last of its rows delivered by the other worker
    // Only what the frozen worker had sent before the freeze can arrive twice.
    duplicateBound: inFlightAtFreeze,
    durationMs: options.durationMs,
    notes: `${inFlightAtFreeze} in flight at the freezes; recovery = freeze → last held row delivered by the other worker`,
  });
  assertResult(result, report, world.receiver);
  expect(resentAfterResume).toBe(0);
  // Both workers still run (the frozen one resumed), and the database once everything settled.
  await world.expectRecovered([frozen, other]);
  // Nothing recorded twice: one row per try number, and the count on the delivery agrees.
  expect(
    await world.cluster.query(
      `SELECT delivery_id, number, count(*)::int AS n FROM attempts GROUP BY 1, 2 HAVING count(*) > 1`,
    ),
  ).toEqual([]);
  expect(
    await world.cluster.query(
      `SELECT d.id, d.attempt_count, count(a.id)::int AS attempts FROM deliveries d LEFT JOIN attempts a ON a.delivery_id = d.id
        GROUP BY d.id HAVING d.attempt_count <> count(a.id)`,
    ),
  ).toEqual([]);
  // The delivery shows its newest try's outcome, not an older one recorded late.
  expect(
    await world.cluster.query(
      `SELECT d.id FROM deliveries d
        WHERE d.last_attempt_at IS DISTINCT FROM (SELECT max(a.started_at) FROM attempts a WHERE a.delivery_id = d.id)`,
    ),
  ).toEqual([]);
  return result;
}

describe("chaos: a worker frozen past its lease", () => {
  let world: World | undefined;
  afterAll(async () => world?.destroy());

  it("should hand its deliveries to the other worker and, resumed, record nothing twice", async () => {
    world = await startWorld({
      eventTypes: ["chaos.freeze"],
      endpoints: [{ path: "/a", eventTypes: ["chaos.freeze"], maxConcurrency: ENDPOINT_CONCURRENCY, delayMs: 200 }],
    });
    await frozenWorker(world, chaosLength({ durationMs: 20_000, freezes: 1 }, { durationMs: 75_000, freezes: 3 }));
  });
});
