// Many processes on one database: two `npm run start:web` and three `npm run start:worker`,
// publishes spread over both web ports (single and batch), two tenants with four endpoints on a
// loopback receiver, two of which fail the first tries of every message (so deliveries retry and
// any worker may take a retry over), and one worker killed with SIGKILL on the way.
// Every message reaches every endpoint, and once: a receipt repeats only for a delivery the killed
// worker held at that moment (its lease expires and another worker sends it again). The
// statistics the dashboard reads (per-minute and hourly rollups, through the API of either web
// process) count exactly the attempts in the attempts table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHooklineClient } from "@/client/hookline-client";
import { newId } from "@/lib/ids";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { spawnWorker } from "../helpers/worker-process";
import { liveWorkers, startWeb, type WebProcess } from "../helpers/web-process";
import { eventually } from "../helpers/worker";
import { consistency, startCluster, type Cluster } from "./cluster";

const ADMIN_KEY = "many-processes-admin-key-0123456789";
const MESSAGES_PER_TENANT = 1_200;
/** How many tries of each message an endpoint answers 503 before it answers 204. */
const ENDPOINTS = [
  { tenant: 0, path: "/a/healthy", failures: 0 },
  { tenant: 0, path: "/a/flaky", failures: 1 },
  { tenant: 1, path: "/b/healthy", failures: 0 },
  { tenant: 1, path: "/b/flakier", failures: 2 },
];
const COMMON_ENV = {
  HOOKLINE_ADMIN_API_KEY: ADMIN_KEY,
  HOOKLINE_ALLOW_PRIVATE_NETWORKS: "true",
  HOOKLINE_RETRY_SCHEDULE: "100ms,200ms,400ms",
};
const WORKER_ENV = {
  ...COMMON_ENV,
  // Long enough that no live worker's lease runs out on a loaded machine (a try whose lease ran out
  // may be sent again by another worker: a duplicate this test would count); the killed worker's
  // deliveries come back when it has run out.
  HOOKLINE_LEASE_MS: "15000",
  HOOKLINE_WORKER_HEARTBEAT_MS: "500",
  HOOKLINE_POLL_INTERVAL_MS: "200",
  LOG_LEVEL: "info",
};

/** Receipts per endpoint path and webhook-id (the message id): [status answered, ...]. */
type Receipts = Map<string, number[]>;

function flakyReceiver(receiver: Receiver): Receipts {
  const receipts: Receipts = new Map();
  for (const { path, failures } of ENDPOINTS)
    receiver.on(path, (request) => {
      const key = `${path} ${request.headers["webhook-id"]}`;
      const answers = receipts.get(key) ?? [];
      const status = answers.length < failures ? 503 : 204;
      receipts.set(key, [...answers, status]);
      return { status };
    });
  return receipts;
}

/** Runs `tasks` with at most `limit` at a time. */
async function pooled<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}

describe("two web processes and three workers on one database", { timeout: 600_000 }, () => {
  let cluster: Cluster;
  let receiver: Receiver;
  beforeAll(async () => {
    cluster = await startCluster();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await cluster.destroy();
  });

  it("should deliver every message once to every endpoint, and count every attempt in the statistics", async () => {
    const startedAt = new Date(Date.now() - 60_000);
    const receipts = flakyReceiver(receiver);
    const env = { ...COMMON_ENV, DATABASE_URL: cluster.url, LOG_LEVEL: "warn" };
    // Together: the first to need a build builds, the other waits for it (server/build.ts).
    const webs: WebProcess[] = await Promise.all([startWeb(env), startWeb(env)]);
    const workerIds = [newId("worker"), newId("worker"), newId("worker")];
    const workers = await Promise.all(
      workerIds.map((id) => spawnWorker(cluster.url, { ...WORKER_ENV, HOOKLINE_WORKER_ID: id })),
    );
    await liveWorkers(webs[1]!.url, 3);

    const hookline = createHooklineClient({ baseUrl: webs[0]!.url, apiKey: ADMIN_KEY });
    await hookline.eventTypes.create({ name: "scale.test" });
    const tenants = [await hookline.tenants.create({ name: "Alpha" }), await hookline.tenants.create({ name: "Beta" })];
    const endpoints = await Promise.all(
      ENDPOINTS.map(async (endpoint) => ({
        ...endpoint,
        id: (await hookline.endpoints.create(tenants[endpoint.tenant]!.id, { url: receiver.url(endpoint.path) })).id,
      })),
    );

    // Half single publishes, half batches of 50, alternating between the web processes, 16 at a time.
    const perTenant = tenants.map((tenant, index) => {
      const publish = async (n: number, body: unknown, batch: boolean) => {
        const web = webs[n % webs.length]!;
        const response = await fetch(`${web.url}/api/v1/tenants/${tenant.id}/messages${batch ? "/batch" : ""}`, {
          method: "POST",
          headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as { id: string } & { data: Array<{ id: string }> };
        // The web process's log says why, should it refuse.
        if (response.status !== 202) throw new Error(`${response.status} ${JSON.stringify(answer)}\n${web.output()}`);
        return batch ? answer.data.map(({ id }) => id) : [answer.id];
      };
      const message = (n: number) => ({ eventType: "scale.test", payload: { tenant: index, n } });
      const requests: Array<() => Promise<string[]>> = [];
      const half = MESSAGES_PER_TENANT / 2;
      for (let n = 0; n < half; n++) requests.push(() => publish(n, message(n), false));
      for (let n = half; n < MESSAGES_PER_TENANT; n += 50)
        requests.push(() => publish(n / 50, { messages: Array.from({ length: 50 }, (_, k) => message(n + k)) }, true));
      return requests;
    });
    // The tenants' requests interleaved, so that both publish all along.
    const interleaved = perTenant[0]!.flatMap((request, index) => [request, perTenant[1]![index]!]);
    const publishing = pooled(interleaved, 16);

    // One worker dies without warning while deliveries are under way; what it held stays leased
    // to it until its lease expires.
    const expectedReceipts = endpoints.reduce((sum, { failures }) => sum + MESSAGES_PER_TENANT * (failures + 1), 0);
    await eventually(
      () => (receiver.requests.length >= expectedReceipts / 3 ? true : undefined),
      240_000,
      "a third of the receipts",
    );
    workers[0]!.child.kill("SIGKILL");
    await workers[0]!.exited;
    const heldByKilled = new Set(
      (
        await cluster.query<{ id: string }>(`SELECT id FROM deliveries WHERE status = 'sending' AND lease_owner = $1`, [
          workerIds[0],
        ])
      ).map(({ id }) => id),
    );

    const published = (await publishing).flat();
    expect(new Set(published).size).toBe(2 * MESSAGES_PER_TENANT);
    const state = await eventually(
      async () => {
        const current = await consistency(cluster);
        return current.succeeded === current.deliveries ? current : undefined;
      },
      240_000,
      "every delivery to succeed",
    );
    expect(state.deliveries).toBe(ENDPOINTS.length * MESSAGES_PER_TENANT);
    expect(state.stuckSending).toBe(0);

    // Per endpoint and message: the receiver's answers, against the database's delivery.
    const deliveries = await cluster.query<{
      id: string;
      message_id: string;
      endpoint_id: string;
      attempts: number;
    }>(`SELECT d.id, d.message_id, d.endpoint_id, (SELECT count(*)::int FROM attempts a WHERE a.delivery_id = d.id) AS attempts
          FROM deliveries d`);
    const pathOf = new Map(endpoints.map(({ id, path }) => [id, path]));
    const failuresOf = new Map(endpoints.map(({ id, failures }) => [id, failures]));
    const repeated: string[] = [];
    let unrecorded = 0;
    for (const delivery of deliveries) {
      const answers = receipts.get(`${pathOf.get(delivery.endpoint_id)} ${delivery.message_id}`) ?? [];
      const tries = failuresOf.get(delivery.endpoint_id)! + 1;
      const successes = answers.filter((status) => status === 204).length;
      unrecorded += answers.length - delivery.attempts;
      if (heldByKilled.has(delivery.id)) {
        // Sent by the killed worker, perhaps, and again after its lease expired: once more at most.
        expect(successes, delivery.id).toBeGreaterThanOrEqual(1);
        expect(answers.length, delivery.id).toBeLessThanOrEqual(tries + 1);
        if (answers.length > tries || successes > 1) repeated.push(delivery.id);
      } else {
        expect({ delivery: delivery.id, answers, attempts: delivery.attempts }).toEqual({
          delivery: delivery.id,
          answers: [...new Array<number>(tries - 1).fill(503), 204],
          attempts: tries,
        });
      }
    }
    // Nothing the receiver never saw, and no receipt of a message that was not published.
    expect(receiver.requests.length).toBe([...receipts.values()].reduce((sum, answers) => sum + answers.length, 0));
    expect(receipts.size).toBe(deliveries.length);
    expect(unrecorded).toBeGreaterThanOrEqual(0);
    expect(unrecorded).toBeLessThanOrEqual(heldByKilled.size);

    // The rollups count exactly the attempt rows: in the database (minute, hour, tenant-hour) and
    // as the dashboard reads them through either web process.
    const [rollups] = await cluster.query<{ attempts: number; minute: number; hourly: number; tenantHourly: number }>(
      `SELECT (SELECT count(*)::int FROM attempts) AS attempts,
              (SELECT sum(succeeded + failed)::int FROM endpoint_stats) AS minute,
              (SELECT sum(succeeded + failed)::int FROM endpoint_stats_hourly) AS hourly,
              (SELECT sum(succeeded + failed)::int FROM tenant_stats_hourly) AS "tenantHourly"`,
    );
    expect(rollups).toEqual({
      attempts: state.attempts,
      minute: state.attempts,
      hourly: state.attempts,
      tenantHourly: state.attempts,
    });
    const range = `from=${startedAt.toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;
    const read = async <T>(web: WebProcess, path: string): Promise<T> => {
      const response = await fetch(`${web.url}/api/v1/tenants/${path}?${range}`, {
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as T;
    };
    const attemptsBy = await cluster.query<{ endpoint_id: string; succeeded: number; failed: number }>(
      `SELECT endpoint_id, count(*) FILTER (WHERE response_status BETWEEN 200 AND 299)::int AS succeeded,
              count(*) FILTER (WHERE response_status IS NULL OR response_status NOT BETWEEN 200 AND 299)::int AS failed
         FROM attempts GROUP BY endpoint_id`,
    );
    for (const [index, endpoint] of endpoints.entries()) {
      const counted = attemptsBy.find(({ endpoint_id }) => endpoint_id === endpoint.id)!;
      const stats = await read<{ totals: { total: number; succeeded: number; failed: number } }>(
        webs[index % 2]!,
        `${tenants[endpoint.tenant]!.id}/endpoints/${endpoint.id}/stats`,
      );
      expect({ path: endpoint.path, ...stats.totals }).toMatchObject({
        path: endpoint.path,
        total: counted.succeeded + counted.failed,
        succeeded: counted.succeeded,
        failed: counted.failed,
      });
      // Only the killed worker's deliveries may have succeeded twice.
      expect(counted.succeeded - MESSAGES_PER_TENANT).toBeLessThanOrEqual(heldByKilled.size);
    }
    for (const [index, tenant] of tenants.entries()) {
      const stats = await read<{ totals: { total: number; messages: number } }>(webs[index]!, `${tenant.id}/stats`);
      const total = attemptsBy
        .filter(({ endpoint_id }) => endpoints.find(({ id }) => id === endpoint_id)!.tenant === index)
        .reduce((sum, { succeeded, failed }) => sum + succeeded + failed, 0);
      expect({ tenant: tenant.name, total: stats.totals.total, messages: stats.totals.messages }).toEqual({
        tenant: tenant.name,
        total,
        messages: MESSAGES_PER_TENANT,
      });
    }

    console.info(
      `many processes: ${published.length} messages over 2 web processes, ${state.deliveries} deliveries, ` +
        `${state.attempts} attempts, ${receiver.requests.length} receipts; the killed worker held ` +
        `${heldByKilled.size} deliveries, ${repeated.length} of them received twice, ${unrecorded} tries unrecorded`,
    );
    for (const web of webs) web.child.kill("SIGTERM");
    for (const worker of workers.slice(1)) worker.child.kill("SIGTERM");
    expect(await Promise.all([...webs, ...workers.slice(1)].map(({ exited }) => exited))).toEqual([0, 0, 0, 0]);
  });
});
