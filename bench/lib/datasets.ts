// Pre-published backlogs, built once per run through the real publishing code
// (lib/messages/publish-messages.ts) into a template database with every delivery parked an hour
// ahead; each measurement clones the template (a file copy inside PostgreSQL), starts its
// workers, then releases the whole backlog at once, so the clock measures delivering only.
import pg from "pg";
import {
  busyShare,
  cpuTimes,
  footprint,
  postgresCpuByKind,
  postgresCpuShares,
  postgresCpuTotal,
  samplePeakRss,
  sleep,
  startWorkerProcess,
  statementStats,
  switchDatabase,
  waitFor,
  waitForWorkers,
} from "./harness";
import { CONCURRENCY, EVENT_TYPE, PAYLOAD, type BenchContext } from "./context";

export interface Dataset {
  template: string;
  messages: number;
  endpoints: number;
  deliveries: number;
}

const built = new Map<string, Dataset>();
let clones = 0;

/** A template database holding `messages` messages, each fanned out to every endpoint URL. */
export async function dataset(
  ctx: BenchContext,
  name: string,
  messages: number,
  urls: readonly string[],
  /** Routing of the endpoints and messages (FIFO: `ordering` on the endpoint, an `orderingKey` per message). */
  routing: { endpoint?: { ordering?: "none" | "fifo" }; orderingKey?: (index: number) => string } = {},
): Promise<Dataset> {
  const existing = built.get(name);
  if (existing) return existing;
  const template = `tpl_${name}`;
  const started = performance.now();
  await switchDatabase(await ctx.postgres.createDatabase(template));
  const { db, pool } = await import("../../lib/db");
  const { createEndpoint } = await import("../../lib/endpoints/create-endpoint");
  const { createEventType } = await import("../../lib/event-types/create-event-type");
  const { publishMessages } = await import("../../lib/messages/publish-messages");
  const { ensurePartitions } = await import("../../lib/database/partitions");
  // The day's partitions exist before anything is published, as in production (a worker's
  // maintenance keeps them created ahead); otherwise the rows would sit in the default partitions
  // and the first worker's maintenance would move them during the drain.
  const { env } = await import("../../lib/env");
  await ensurePartitions({
    partitionDays: env().HOOKLINE_PARTITION_DAYS,
    aheadDays: env().HOOKLINE_PARTITIONS_AHEAD_DAYS,
  });
  const tenant = await db().tenant.create({ data: { id: "tnt_01BENCH0000000000000000000", name: "bench" } });
  await createEventType({ name: EVENT_TYPE });
  for (const url of urls) await createEndpoint(null, tenant.id, { url, ...routing.endpoint });
  // ~1,000 deliveries per publishing transaction, at most 100 messages (the batch endpoint's limit).
  const chunk = Math.max(1, Math.min(100, Math.floor(1_000 / urls.length)));
  for (let start = 0; start < messages; start += chunk)
    await publishMessages(
      tenant.id,
      Array.from({ length: Math.min(chunk, messages - start) }, (_, index) => ({
        eventType: EVENT_TYPE,
        payload: PAYLOAD,
        ...(routing.orderingKey ? { orderingKey: routing.orderingKey(start + index) } : {}),
      })),
    );
  await pool().query(`UPDATE deliveries SET next_attempt_at = now() + interval '1 hour'`);
  await pool().query(`VACUUM ANALYZE`);
  await switchDatabase(ctx.postgres.adminUrl); // no connection may stay on a template
  const result = { template, messages, endpoints: urls.length, deliveries: messages * urls.length };
  ctx.log(
    `  dataset ${name}: ${result.deliveries.toLocaleString("en-US")} deliveries published in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  built.set(name, result);
  return result;
}

export interface DrainResult {
  deliveries: number;
  workers: number;
  seconds: number;
  deliveriesPerSecond: number;
  /** Receiver arrivals over time: [seconds since release, arrivals]. */
  progress: Array<[number, number]>;
  workerCpuSecondsPer1000: number;
  /** CPU time of the whole PostgreSQL server (all backends and its own processes) per delivery. */
  postgresCpuMsPerDelivery: number;
  /** The same by kind of PostgreSQL process, in ms per delivery ("backends 0.120, autovacuum …"). */
  postgresCpuByKind: string;
  workerPeakRssBytes: number;
  /** With BENCH_PG_STATEMENTS=1: the drain's statements by total execution time (pg_stat_statements). */
  statements?: StatementStat[];
  /** How busy the whole machine's CPU was during the drain (0..1): everyone's processes. */
  machineCpuBusy: number;
}

export interface StatementStat {
  query: string;
  calls: number;
  rows: number;
  totalMs: number;
  /** Execution time per delivery of the drain, in microseconds. */
  usPerDelivery: number;
}

async function resetStatements(client: pg.Client): Promise<void> {
  if (statementStats()) await client.query("SELECT pg_stat_statements_reset()");
}

async function readStatements(client: pg.Client, deliveries: number): Promise<StatementStat[] | undefined> {
  if (!statementStats()) return undefined;
  const { rows } = await client.query<{ query: string; calls: string; rows: string; total_ms: number }>(
    `SELECT query, calls, rows, total_exec_time AS total_ms FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY total_exec_time DESC LIMIT 25`,
  );
  return rows.map((row) => ({
    query: row.query.replace(/\s+/g, " ").slice(0, 300),
    calls: Number(row.calls),
    rows: Number(row.rows),
    totalMs: row.total_ms,
    usPerDelivery: (row.total_ms * 1000) / deliveries,
  }));
}

/**
 * Clones `data`, starts `workers` worker processes, releases the backlog and waits until every
 * delivery has succeeded in the database (attempt rows, stats rollups and all).
 */
export async function drain(
  ctx: BenchContext,
  data: Dataset,
  workers: number,
  env: Record<string, string> = {},
): Promise<DrainResult> {
  const name = `run_${++clones}`;
  const url = await ctx.postgres.createDatabase(name, data.template);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Every endpoint may use the whole worker concurrency, as in the raw ceiling; with many
  // endpoints the per-worker total (HOOKLINE_WORKER_CONCURRENCY) is what binds.
  const handles = Array.from({ length: workers }, () =>
    startWorkerProcess(url, {
      HOOKLINE_WORKER_CONCURRENCY: String(CONCURRENCY),
      HOOKLINE_ENDPOINT_CONCURRENCY: String(CONCURRENCY),
      ...env,
    }),
  );
  try {
    await waitForWorkers(client, workers);
    await sleep(500);
    await ctx.receiver.reset();
    // The backlog is made due in a transaction whose commit is the start: the UPDATE of every row
    // is the benchmark's doing, not the worker's, and stays out of the figures (PostgreSQL's CPU).
    await client.query(`BEGIN; UPDATE deliveries SET next_attempt_at = now(); NOTIFY hookline_deliveries`);
    await resetStatements(client);
    const cpuBefore = handles.reduce((sum, handle) => sum + footprint(handle.pid).cpuSeconds, 0);
    const kindsBefore = postgresCpuByKind(ctx.postgres.pid());
    const rss = handles.map((handle) => samplePeakRss(handle.pid));
    const machineBefore = cpuTimes();
    const started = performance.now();
    await client.query("COMMIT");
    const progress: Array<[number, number]> = [];
    await waitFor(
      async () => {
        const received = await ctx.receiver.received();
        progress.push([(performance.now() - started) / 1000, received]);
        return received >= data.deliveries;
      },
      "the receiver to get every delivery",
      900_000,
      100,
    );
    await waitFor(
      async () =>
        (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded'`))
          .rows[0]!.n >= data.deliveries,
      "every delivery to be recorded as succeeded",
      120_000,
      20,
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = handles.reduce((sum, handle) => sum + footprint(handle.pid).cpuSeconds, 0);
    const kindsAfter = postgresCpuByKind(ctx.postgres.pid());
    const peak = Math.max(...rss.map((sampler) => sampler.stop()));
    const machineCpuBusy = busyShare(machineBefore, cpuTimes());
    const statements = await readStatements(client, data.deliveries);
    if (statements)
      for (const statement of statements.slice(0, 10))
        ctx.log(
          `    ${statement.usPerDelivery.toFixed(1).padStart(6)} µs/delivery ${String(statement.calls).padStart(7)} calls  ${statement.query.slice(0, 110)}`,
        );
    return {
      deliveries: data.deliveries,
      workers,
      seconds,
      deliveriesPerSecond: data.deliveries / seconds,
      progress,
      workerCpuSecondsPer1000: ((cpuAfter - cpuBefore) / data.deliveries) * 1000,
      postgresCpuMsPerDelivery:
        ((postgresCpuTotal(kindsAfter) - postgresCpuTotal(kindsBefore)) / data.deliveries) * 1000,
      postgresCpuByKind: postgresCpuShares(kindsBefore, kindsAfter, data.deliveries),
      statements,
      workerPeakRssBytes: peak,
      machineCpuBusy,
    };
  } finally {
    await Promise.all(handles.map((handle) => handle.stop()));
    await client.end();
    await ctx.postgres.dropDatabase(name);
  }
}
