// (3) Peer baseline: the fan-out backlog of (2) delivered by graphile-worker (bench/lib/
// graphile-runner.ts) — same receiver, same PostgreSQL server, same concurrency, one process —
// and the ratio Hookline ÷ graphile-worker, both measured in this run.
import { spawn } from "node:child_process";
import path from "node:path";
import { makeWorkerUtils, runMigrations } from "graphile-worker";
import pg from "pg";
import { generateSecret } from "../lib/signing/generate-secret";
import { endpointUrls } from "./delivery-throughput";
import { CONCURRENCY, EVENT_TYPE, PAYLOAD, type BenchContext } from "./lib/context";
import {
  busyShare,
  cpuTimes,
  footprint,
  postgresCpuByKind,
  postgresCpuShares,
  postgresCpuTotal,
  ROOT,
  samplePeakRss,
  sleep,
  waitFor,
} from "./lib/harness";
import type { BenchOutcome } from "./lib/report";

const TABLES = `
  CREATE TABLE peer_deliveries (id text PRIMARY KEY, message_id text NOT NULL, url text NOT NULL, status text NOT NULL DEFAULT 'pending',
                                attempt_count int NOT NULL DEFAULT 0, last_status_code int);
  CREATE TABLE peer_attempts (id bigserial PRIMARY KEY, delivery_id text NOT NULL REFERENCES peer_deliveries (id), message_id text NOT NULL,
                              started_at timestamptz NOT NULL, duration_ms int, response_status int, request_headers jsonb NOT NULL);
  CREATE INDEX ON peer_attempts (delivery_id);`;

export async function graphileBaseline(ctx: BenchContext): Promise<BenchOutcome> {
  const messages = ctx.quick ? 500 : 5_000;
  const urls = endpointUrls(ctx, 10);
  const total = messages * urls.length;
  const url = await ctx.postgres.createDatabase("peer", "template1");
  await runMigrations({ connectionString: url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(TABLES);
  const secrets = urls.map(() => generateSecret());
  const utils = await makeWorkerUtils({ connectionString: url });
  const parked = new Date(Date.now() + 3_600_000);
  const createdAt = new Date().toISOString();
  for (let start = 0; start < total; start += 5_000) {
    const jobs = Array.from({ length: Math.min(5_000, total - start) }, (_, offset) => {
      const index = start + offset;
      const endpoint = index % urls.length;
      return {
        deliveryId: `dlv_${index}`,
        messageId: `msg_${Math.floor(index / urls.length)}`,
        url: urls[endpoint]!,
        secret: secrets[endpoint]!,
        eventType: EVENT_TYPE,
        createdAt,
        payload: PAYLOAD,
      };
    });
    await client.query(
      `INSERT INTO peer_deliveries (id, message_id, url) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [jobs.map((job) => job.deliveryId), jobs.map((job) => job.messageId), jobs.map((job) => job.url)],
    );
    await utils.addJobs(jobs.map((payload) => ({ identifier: "deliver", payload, runAt: parked })));
  }
  await utils.release();
  await client.query(`VACUUM ANALYZE`);

  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "bench/lib/graphile-runner.ts")],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, CONCURRENCY: String(CONCURRENCY), NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      child.once("exit", (code) => reject(new Error(`graphile-worker runner exited (${code})`)));
    });
    await sleep(500);
    await ctx.receiver.reset();
    // As for Hookline's drains: the jobs are made due in a transaction whose commit is the start.
    await client.query(
      `BEGIN; UPDATE graphile_worker._private_jobs SET run_at = now(); SELECT pg_notify('jobs:insert', '{"count":${CONCURRENCY}}')`,
    );
    const cpuBefore = footprint(child.pid!).cpuSeconds;
    const kindsBefore = postgresCpuByKind(ctx.postgres.pid());
    const rss = samplePeakRss(child.pid!);
    const machineBefore = cpuTimes();
    const started = performance.now();
    await client.query("COMMIT");
    await waitFor(
      async () => (await ctx.receiver.received()) >= total,
      "graphile-worker to send every delivery",
      900_000,
      100,
    );
    await waitFor(
      async () =>
        (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs`)).rows[0]!
          .n === 0,
      "graphile-worker to complete every job",
      120_000,
      20,
    );
    const seconds = (performance.now() - started) / 1000;
    const machineCpuBusy = busyShare(machineBefore, cpuTimes());
    const cpuPer1000 = ((footprint(child.pid!).cpuSeconds - cpuBefore) / total) * 1000;
    const kindsAfter = postgresCpuByKind(ctx.postgres.pid());
    const postgresMsPerDelivery = ((postgresCpuTotal(kindsAfter) - postgresCpuTotal(kindsBefore)) / total) * 1000;
    const postgresByKind = postgresCpuShares(kindsBefore, kindsAfter, total);
    const peakRss = rss.stop();
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM peer_deliveries WHERE status = 'succeeded'`,
    );
    if (rows[0]!.n !== total)
      throw new Error(`graphile-worker baseline: ${rows[0]!.n} of ${total} deliveries marked done`);
    const rate = total / seconds;
    const hookline = ctx.reference.hooklineFanOut;
    return {
      rows: [
        {
          bench: "3 peer baseline",
          name: `graphile-worker 0.17.3, ${messages.toLocaleString("en-US")} msgs × 10 endpoints`,
          value: rate,
          unit: "deliveries/s",
          note: `${seconds.toFixed(1)} s; CPU ${cpuPer1000.toFixed(2)} s/1,000; PostgreSQL ${postgresMsPerDelivery.toFixed(3)} CPU ms/delivery (${postgresByKind}); peak RSS ${Math.round(peakRss / 2 ** 20)} MB`,
        },
        {
          bench: "3 peer baseline",
          name: "Hookline ÷ graphile-worker (same backlog)",
          value: hookline ? hookline / rate : null,
          unit: "×",
          target: { op: ">=", value: 2 },
        },
      ],
      details: {
        deliveries: total,
        seconds,
        deliveriesPerSecond: rate,
        workerCpuSecondsPer1000: cpuPer1000,
        postgresCpuMsPerDelivery: postgresMsPerDelivery,
        peakRssBytes: peakRss,
        machineCpuBusy,
        settings: { concurrency: CONCURRENCY, localQueueSize: 256, completeJobBatchDelay: 250, pollInterval: 1_000 },
      },
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await client.end();
    await ctx.postgres.dropDatabase("peer");
  }
}
