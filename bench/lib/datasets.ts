// Pre-published backlogs, built once per run through the real publishing code
// (lib/messages/publish-messages.ts) into a template database with every delivery parked an hour
// ahead; each measurement clones the template (a file copy inside PostgreSQL), starts its
// workers, then releases the whole backlog at once, so the clock measures delivering only.
import pg from "pg";
import {
  busyShare,
  cpuTimes,
  footprint,
  samplePeakRss,
  sleep,
  startWorkerProcess,
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
  workerPeakRssBytes: number;
  /** How busy the whole machine's CPU was during the drain (0..1): everyone's processes. */
  machineCpuBusy: number;
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
    const cpuBefore = handles.reduce((sum, handle) => sum + footprint(handle.pid).cpuSeconds, 0);
    const rss = handles.map((handle) => samplePeakRss(handle.pid));
    const machineBefore = cpuTimes();
    const started = performance.now();
    await client.query(`UPDATE deliveries SET next_attempt_at = now(); NOTIFY hookline_deliveries`);
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
    const peak = Math.max(...rss.map((sampler) => sampler.stop()));
    const machineCpuBusy = busyShare(machineBefore, cpuTimes());
    return {
      deliveries: data.deliveries,
      workers,
      seconds,
      deliveriesPerSecond: data.deliveries / seconds,
      progress,
      workerCpuSecondsPer1000: ((cpuAfter - cpuBefore) / data.deliveries) * 1000,
      workerPeakRssBytes: peak,
      machineCpuBusy,
    };
  } finally {
    await Promise.all(handles.map((handle) => handle.stop()));
    await client.end();
    await ctx.postgres.dropDatabase(name);
  }
}
