// (5) Ingest: HTTP publish throughput with autocannon against the web process, single messages
// and the batch endpoint (100 messages a request), 3 subscribed endpoints each (every message
// writes 1 message row + 3 delivery rows in its transaction), no worker running.
// Also (8) the web process's peak RSS.
import autocannon from "autocannon";
import { EVENT_TYPE, PAYLOAD, type BenchContext } from "./lib/context";
import type { BenchOutcome, Row } from "./lib/report";
import { footprint } from "./lib/harness";
import { startWebWorld } from "./lib/web-world";

const BATCH = 100;

// Where the machine's CPU goes while it runs: the web process, PostgreSQL (all its backends)
// and the load generator itself (autocannon, in this process).
async function hammer(
  url: string,
  apiKey: string | null,
  body: string,
  seconds: number,
  connections: number,
  pids: { web: number; postgres: number },
) {
  const cpuBefore = footprint(pids.web).cpuSeconds;
  const postgresBefore = footprint(pids.postgres).cpuSeconds;
  const ownBefore = process.cpuUsage();
  const result = await autocannon({
    url,
    method: "POST",
    headers: { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), "content-type": "application/json" },
    body,
    connections,
    duration: seconds,
  });
  const perRequest = (cpuSeconds: number) => (cpuSeconds * 1_000) / Math.max(1, result.requests.total);
  const own = process.cpuUsage(ownBefore);
  return {
    webCpuMsPerRequest: perRequest(footprint(pids.web).cpuSeconds - cpuBefore),
    postgresCpuMsPerRequest: perRequest(footprint(pids.postgres).cpuSeconds - postgresBefore),
    loadGeneratorCpuMsPerRequest: perRequest((own.user + own.system) / 1e6),
    answeredPerSecond: result.requests.total / result.duration,
    requestsPerSecond: result["2xx"] / result.duration,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}

export async function ingest(ctx: BenchContext): Promise<BenchOutcome> {
  if (!ctx.webAvailable)
    return {
      rows: [
        {
          bench: "5 ingest",
          name: "HTTP publish",
          value: null,
          unit: "msgs/s",
          note: "skipped: no web build in .next-bench (a full run builds it)",
        },
      ],
    };
  const world = await startWebWorld(
    ctx,
    "ingest",
    [1, 2, 3].map((index) => `${ctx.receiver.url}/ingest${index}`),
  );
  const rows: Row[] = [];
  try {
    const url = `${world.web.url}/api/v1/tenants/${world.tenantId}/messages`;
    const single = JSON.stringify({ eventType: EVENT_TYPE, payload: PAYLOAD });
    const batch = JSON.stringify({
      messages: Array.from({ length: BATCH }, () => ({ eventType: EVENT_TYPE, payload: PAYLOAD })),
    });
    const pid = { web: world.web.pid, postgres: ctx.postgres.pid() };
    await hammer(url, world.apiKey, single, 1, 8, pid); // warm-up: compile and cache the routes
    await hammer(`${url}/batch`, world.apiKey, batch, 1, 2, pid);
    const seconds = ctx.quick ? 3 : 15;
    ctx.log(`  autocannon: single publishes for ${seconds} s`);
    const one = await hammer(url, world.apiKey, single, seconds, 32, pid);
    ctx.log(`  autocannon: batches of ${BATCH} for ${seconds} s`);
    const many = await hammer(`${url}/batch`, world.apiKey, batch, seconds, 8, pid);
    // The reference for the web's CPU per publish: the same POST without a key, which Next
    // routes to the same handler and which answers 401 at once (no database).
    ctx.log(`  autocannon: unauthenticated POSTs through Next for ${Math.min(seconds, 5)} s`);
    await hammer(url, null, single, ctx.quick ? 2 : 5, 32, pid); // warm-up: this path is cold until now
    const floor = await hammer(url, null, single, Math.min(seconds, 5), 32, pid);
    const errors = (result: typeof one) =>
      result.non2xx || result.errors ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : "";
    rows.push(
      {
        bench: "5 ingest",
        name: "single publishes (32 connections)",
        value: one.requestsPerSecond,
        unit: "msgs/s",
        target: { op: ">=", value: 1_500 },
        note: `${one.ok.toLocaleString("en-US")} × 202${errors(one)}`,
      },
      {
        bench: "5 ingest",
        name: "single publishes: p99 request latency",
        value: one.latencyMs.p99,
        unit: "ms",
        note: `p50 ${one.latencyMs.p50} ms`,
      },
      {
        bench: "8 footprint",
        name: "web CPU per single publish",
        value: one.webCpuMsPerRequest,
        unit: "CPU ms",
        note: `batch of ${BATCH}: ${many.webCpuMsPerRequest.toFixed(1)} CPU ms a request`,
      },
      {
        bench: "8 footprint",
        name: "web CPU per request routed by Next (401, no database)",
        value: floor.webCpuMsPerRequest,
        unit: "CPU ms",
        note: `${Math.round(floor.answeredPerSecond)} requests/s; publishes with a key skip Next's routing`,
      },
      {
        bench: "8 footprint",
        name: "PostgreSQL CPU per single publish",
        value: one.postgresCpuMsPerRequest,
        unit: "CPU ms",
        note: `batch of ${BATCH}: ${many.postgresCpuMsPerRequest.toFixed(1)} CPU ms a request`,
      },
      {
        bench: "8 footprint",
        name: "autocannon CPU per single publish",
        value: one.loadGeneratorCpuMsPerRequest,
        unit: "CPU ms",
        note: "the load generator, on the same cores",
      },
      {
        bench: "5 ingest",
        name: `batch endpoint, ${BATCH} per request (8 connections)`,
        value: many.requestsPerSecond * BATCH,
        unit: "msgs/s",
        target: { op: ">=", value: 10_000 },
        note: `${many.ok.toLocaleString("en-US")} × 202${errors(many)}`,
      },
      {
        bench: "5 ingest",
        name: "batch endpoint: p99 request latency",
        value: many.latencyMs.p99,
        unit: "ms",
        note: `p50 ${many.latencyMs.p50} ms`,
      },
    );
    ctx.reference.webPeakRssIngest = world.webPeakRss();
    return { rows, details: { single: one, batch: many, unauthenticatedThroughNext: floor, batchSize: BATCH } };
  } finally {
    await world.stop();
  }
}
