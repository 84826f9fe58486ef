// Real worker processes: several at once, killed with SIGKILL mid-flight, stopped with SIGTERM.
// The receiver's log is the ground truth for what was delivered.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishMessages } from "@/lib/messages/publish-messages";
import { getEndpointStats } from "@/lib/stats/get-endpoint-stats";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually } from "../../helpers/worker";
import { spawnWorker } from "../../helpers/worker-process";

describe("worker processes", { timeout: 180_000 }, () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;
  let client: pg.Client;
  let counter = 0;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant();
    client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await receiver.close();
  });

  async function setup(paths: string[]) {
    const eventType = `load.case${++counter}`;
    await createTestEventType({ name: eventType });
    const endpoints = [];
    for (const path of paths)
      endpoints.push(await createTestEndpoint(tenantId, { url: receiver.url(path), eventTypes: [eventType] }));
    return { eventType, endpoints };
  }

  async function publishMany(eventType: string, count: number) {
    const ids: string[] = [];
    for (let start = 0; start < count; start += 100) {
      const batch = Array.from({ length: Math.min(100, count - start) }, (_, index) => ({
        eventType,
        payload: { n: start + index },
      }));
      ids.push(...(await publishMessages(tenantId, batch)).map((message) => message.id));
    }
    return ids;
  }

  const count = async (sql: string, values: unknown[]) => (await client.query<{ n: number }>(sql, values)).rows[0]!.n;

  it("should deliver each of 2,000 messages to 5 endpoints exactly once with 3 workers", async () => {
    const paths = ["/w1", "/w2", "/w3", "/w4", "/w5"];
    const { eventType, endpoints } = await setup(paths);
    const workers = await Promise.all([
      spawnWorker(databaseUrl()),
      spawnWorker(databaseUrl()),
      spawnWorker(databaseUrl()),
    ]);
    const messageIds = await publishMany(eventType, 2_000);
    const expected = messageIds.length * paths.length;

    await eventually(
      () => (paths.reduce((sum, path) => sum + receiver.at(path).length, 0) >= expected ? true : undefined),
      120_000,
      "10,000 deliveries",
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // anything extra would arrive now
    for (const path of paths) {
      const ids = receiver.at(path).map((request) => request.headers["webhook-id"]);
      expect(ids, path).toHaveLength(messageIds.length);
      expect(new Set(ids).size, path).toBe(messageIds.length);
    }
    const endpointIds = endpoints.map((endpoint) => endpoint.id);
    await eventually(
      async () =>
        (await count(`SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = ANY($1) AND status = 'succeeded'`, [
          endpointIds,
        ])) === expected
          ? true
          : undefined,
      20_000,
      "every delivery recorded",
    );
    expect(await count(`SELECT count(*)::int AS n FROM attempts WHERE endpoint_id = ANY($1)`, [endpointIds])).toBe(
      expected,
    );
    let statsTotal = 0;
    for (const endpoint of endpoints) {
      const stats = await getEndpointStats({
        tenantId,
        endpointId: endpoint.id,
        from: new Date(Date.now() - 3_600_000),
        to: new Date(Date.now() + 60_000),
        granularity: "hour",
      });
      statsTotal += stats.totals.total;
    }
    expect(statsTotal).toBe(expected);
    // and each worker took part
    const owners = await count(`SELECT count(DISTINCT pid)::int AS n FROM worker_heartbeats`, []);
    expect(owners).toBe(3);

    for (const worker of workers) worker.child.kill("SIGTERM");
    expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0, 0]);
  });

  it("should lose nothing when a worker is killed with SIGKILL mid-flight", async () => {
    const { eventType, endpoints } = await setup(["/killed"]);
    receiver.on("/killed", { status: 204, delayMs: 150 });
    const fast = { HOOKLINE_LEASE_MS: "2000", HOOKLINE_WORKER_HEARTBEAT_MS: "300" };
    const first = await spawnWorker(databaseUrl(), fast);
    const messageIds = await publishMany(eventType, 600);
    await eventually(() => (receiver.at("/killed").length >= 100 ? true : undefined), 30_000, "some deliveries");
    first.child.kill("SIGKILL");
    await first.exited;
    const inFlightAtKill = await count(
      `SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1 AND status = 'sending'`,
      [endpoints[0]!.id],
    );

    await spawnWorker(databaseUrl(), fast);
    await eventually(
      () =>
        new Set(receiver.at("/killed").map((request) => request.headers["webhook-id"])).size === messageIds.length
          ? true
          : undefined,
      60_000,
      "every message",
    );
    await eventually(
      async () =>
        (await count(`SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1 AND status = 'succeeded'`, [
          endpoints[0]!.id,
        ])) === messageIds.length
          ? true
          : undefined,
      20_000,
      "all succeeded",
    );
    const received = receiver.at("/killed").length;
    const duplicates = received - messageIds.length;
    // Only deliveries the dead worker held (sent or about to be) can arrive twice.
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKill);
    expect(
      await count(`SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1 AND status = 'sending'`, [
        endpoints[0]!.id,
      ]),
    ).toBe(0);
    console.info(`kill -9: ${inFlightAtKill} rows held by the killed worker, ${duplicates} duplicate deliveries`);
  });

  it("should drain on SIGTERM: finish what is in flight, give back the rest, exit 0", async () => {
    const { eventType, endpoints } = await setup(["/drain"]);
    receiver.on("/drain", { status: 204, delayMs: 300 });
    const worker = await spawnWorker(databaseUrl(), { HOOKLINE_WORKER_SHUTDOWN_GRACE_MS: "5000" });
    const messageIds = await publishMany(eventType, 300);
    await eventually(() => (receiver.at("/drain").length >= 20 ? true : undefined), 30_000, "some deliveries");
    const stoppedAt = Date.now();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(6_000);
    expect(
      await count(`SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1 AND status = 'sending'`, [
        endpoints[0]!.id,
      ]),
    ).toBe(0);
    // Everything that reached the receiver is recorded as succeeded; nothing was sent twice.
    const receivedBeforeStop = receiver.at("/drain").length;
    expect(
      await count(`SELECT count(*)::int AS n FROM deliveries WHERE endpoint_id = $1 AND status = 'succeeded'`, [
        endpoints[0]!.id,
      ]),
    ).toBe(receivedBeforeStop);

    await spawnWorker(databaseUrl());
    await eventually(() => (receiver.at("/drain").length >= messageIds.length ? true : undefined), 60_000, "the rest");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ids = receiver.at("/drain").map((request) => request.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(messageIds.length);
    expect(ids).toHaveLength(messageIds.length);
  });
});
