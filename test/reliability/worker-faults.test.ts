// Workers dying, database connections cut, workers stopped under load: nothing published is
// lost, nothing stays stuck, attempts and statistics agree. The receiver's log is the truth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { createEventType } from "@/lib/event-types/create-event-type";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { publishMessages } from "@/lib/messages/publish-messages";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { eventually } from "../helpers/worker";
import { spawnWorker, type WorkerProcess } from "../helpers/worker-process";
import { consistency, expectSettled, startCluster, type Cluster } from "./cluster";

const FAST = { HOOKLINE_LEASE_MS: "3000", HOOKLINE_WORKER_HEARTBEAT_MS: "500", HOOKLINE_POLL_INTERVAL_MS: "200" };

describe("worker faults", () => {
  let cluster: Cluster;
  let receiver: Receiver;
  let tenantId: string;
  let scenario = 0;
  /** Deliveries published so far in this file's database (scenarios share it). */
  let publishedDeliveries = 0;

  beforeAll(async () => {
    cluster = await startCluster();
    receiver = await startReceiver();
    tenantId = (await db().tenant.create({ data: { id: newId("tenant"), name: "reliability" } })).id;
  });
  afterAll(async () => {
    await receiver.close();
    await cluster.destroy();
  });

  async function scenarioSetup(endpointCount: number, answer: { delayMs?: number } = {}) {
    const eventType = `fault.case${++scenario}`;
    await createEventType({ name: eventType });
    const paths = Array.from({ length: endpointCount }, (_, index) => `/s${scenario}/e${index}`);
    for (const path of paths) {
      await createEndpoint(null, tenantId, { url: receiver.url(path), eventTypes: [eventType], maxConcurrency: 32 });
      receiver.on(path, { status: 204, delayMs: answer.delayMs });
    }
    return { eventType, paths };
  }

  async function publishMany(eventType: string, count: number, pauseMs = 0): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < count; start += 100) {
      const batch = Array.from({ length: Math.min(100, count - start) }, (_, index) => ({
        eventType,
        payload: { n: start + index },
      }));
      const published = await publishMessages(tenantId, batch);
      ids.push(...published.map((message) => message.id));
      publishedDeliveries += published.reduce((sum, message) => sum + message.deliveries, 0);
      if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    return ids;
  }

  /** Waits until every path saw every message, then returns how many arrived twice or more. */
  async function everyMessageArrived(paths: string[], messageIds: string[], timeoutMs = 120_000): Promise<number> {
    await eventually(
      () =>
        paths.every(
          (path) =>
            new Set(receiver.at(path).map((request) => request.headers["webhook-id"])).size >= messageIds.length,
        )
          ? true
          : undefined,
      timeoutMs,
      "every message at every endpoint",
    );
    for (const path of paths)
      expect(new Set(receiver.at(path).map((request) => request.headers["webhook-id"]))).toEqual(new Set(messageIds));
    return paths.reduce((sum, path) => sum + receiver.at(path).length, 0) - paths.length * messageIds.length;
  }

  async function settledAndConsistent() {
    const state = await expectSettled(cluster, { timeoutMs: 60_000 });
    expect(state.deliveries).toBe(publishedDeliveries);
    return state;
  }

  it("should deliver 5,000 messages while one of three workers is killed with SIGKILL every 2 s for 30 s", async () => {
    const { eventType, paths } = await scenarioSetup(2, { delayMs: 5 });
    const workers: WorkerProcess[] = await Promise.all([
      spawnWorker(cluster.url, FAST),
      spawnWorker(cluster.url, FAST),
      spawnWorker(cluster.url, FAST),
    ]);
    const publishing = publishMany(eventType, 5_000, 300);
    let kills = 0;
    const replacements: Array<Promise<unknown>> = [];
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const victim = workers.splice(kills % Math.max(workers.length, 1), 1)[0];
      if (!victim) continue;
      victim.child.kill("SIGKILL");
      kills++;
      // The replacement boots while the next kill comes due: the cadence stays 2 s.
      replacements.push(spawnWorker(cluster.url, FAST).then((worker) => workers.push(worker)));
    }
    await Promise.all(replacements);
    const messageIds = await publishing;
    const duplicates = await everyMessageArrived(paths, messageIds);
    const state = await settledAndConsistent();
    console.info(
      `SIGKILL x${kills}: ${state.deliveries} deliveries, ${duplicates} duplicates at the receiver, ${state.attempts} attempts recorded`,
    );
    // Duplicates can only come from rows a killed worker held: at most 2 x concurrency per kill.
    expect(duplicates).toBeLessThanOrEqual(kills * 128);
  });

  it("should reconnect by itself when PostgreSQL terminates the workers' connections", async () => {
    const { eventType, paths } = await scenarioSetup(2, { delayMs: 5 });
    const workers = await Promise.all([spawnWorker(cluster.url, FAST), spawnWorker(cluster.url, FAST)]);
    const publishing = publishMany(eventType, 5_000, 200);
    let terminated = 0;
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const killed = await cluster.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name LIKE 'hookline-worker%' OR application_name = 'worker'`,
      );
      terminated += killed[0]!.n;
    }
    const messageIds = await publishing;
    const duplicates = await everyMessageArrived(paths, messageIds);
    await settledAndConsistent();
    for (const worker of workers) expect(worker.child.exitCode).toBeNull(); // nobody died of it
    expect(terminated).toBeGreaterThanOrEqual(10); // each round cut the pools' and the LISTEN connections
    console.info(`pg_terminate_backend: ${terminated} connections cut in 5 rounds, ${duplicates} duplicates`);
  });

  it("should drain on SIGTERM under load and lose nothing", async () => {
    const { eventType, paths } = await scenarioSetup(1, { delayMs: 100 });
    const worker = await spawnWorker(cluster.url, { ...FAST, HOOKLINE_WORKER_SHUTDOWN_GRACE_MS: "5000" });
    const messageIds = await publishMany(eventType, 1_000);
    await eventually(() => (receiver.at(paths[0]!).length >= 100 ? true : undefined), 30_000, "load");
    const stopped = Date.now();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(7_000);
    expect((await consistency(cluster)).stuckSending).toBe(0);
    const sending = await cluster.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries WHERE status = 'sending'`,
    );
    expect(sending[0]!.n).toBe(0);
    await spawnWorker(cluster.url, FAST);
    const duplicates = await everyMessageArrived(paths, messageIds);
    expect(duplicates).toBe(0);
    await settledAndConsistent();
  });
});
