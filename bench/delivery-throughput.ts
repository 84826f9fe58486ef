// (2) End-to-end delivery throughput: a pre-published backlog (messages fanned out to 10
// endpoints, and separately messages to 1 endpoint), one worker process started, time until
// every delivery has succeeded in the database, with attempt rows, stats rollups and endpoint
// health written as in production. Ratio to the raw ceiling (1), measured in the same run.
// Also (8) the worker's side of the footprint: CPU seconds per 1,000 deliveries and peak RSS.
import { dataset, drain, type DrainResult } from "./lib/datasets";
import { measureRawCeiling } from "./raw-ceiling";
import type { BenchContext } from "./lib/context";
import type { BenchOutcome, Row } from "./lib/report";

const MB = 2 ** 20;

export function endpointUrls(ctx: BenchContext, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${ctx.receiver.url}/e${index}`);
}

export async function fanOutDataset(ctx: BenchContext) {
  return dataset(ctx, "fanout10", ctx.quick ? 500 : 5_000, endpointUrls(ctx, 10));
}

export async function deliveryThroughput(ctx: BenchContext): Promise<BenchOutcome> {
  const fanOut = await fanOutDataset(ctx);
  const single = await dataset(ctx, "single", ctx.quick ? 5_000 : 50_000, endpointUrls(ctx, 1));
  const results: Record<string, DrainResult> = {};
  const rows: Row[] = [];
  for (const [label, data] of [
    [`${fanOut.messages.toLocaleString("en-US")} msgs × 10 endpoints`, fanOut],
    [`${single.messages.toLocaleString("en-US")} msgs × 1 endpoint`, single],
  ] as const) {
    // The reference is measured right before each drain: on a shared machine the ceiling moves.
    const ceiling = (await measureRawCeiling(ctx, ctx.quick ? 2 : 5)).requestsPerSecond;
    ctx.log(`  draining ${label} (raw ceiling just now: ${Math.round(ceiling)} req/s)`);
    const result = await drain(ctx, data, 1);
    results[label] = { ...result, rawCeilingBefore: ceiling } as DrainResult;
    rows.push(
      {
        bench: "2 e2e throughput",
        name: `${label}, 1 worker`,
        value: result.deliveriesPerSecond,
        unit: "deliveries/s",
        target: { op: ">=", value: 4_000 },
        note: `${result.deliveries.toLocaleString("en-US")} in ${result.seconds.toFixed(1)} s`,
      },
      {
        bench: "2 e2e throughput",
        name: `${label}: share of raw ceiling`,
        value: (100 * result.deliveriesPerSecond) / ceiling,
        unit: "%",
        target: { op: ">=", value: 35 }, // issue 21 (25 % in issue 7)
        note: `raw ceiling ${Math.round(ceiling).toLocaleString("en-US")} req/s measured just before`,
      },
      {
        bench: "8 footprint",
        name: `worker CPU per 1,000 deliveries (${label})`,
        value: result.workerCpuSecondsPer1000,
        unit: "CPU s",
        target: { op: "<=", value: 0.15 },
      },
      {
        bench: "8 footprint",
        name: `PostgreSQL CPU per delivery (${label})`,
        value: result.postgresCpuMsPerDelivery,
        unit: "CPU ms",
        target: { op: "<=", value: 0.1 },
        note: `all of the server's processes, from /proc: ${result.postgresCpuByKind}`,
      },
      {
        bench: "8 footprint",
        name: `worker peak RSS (${label})`,
        value: result.workerPeakRssBytes / MB,
        unit: "MB",
        target: { op: "<", value: 250 },
      },
    );
  }
  const fanOutRate = Object.values(results)[0]!.deliveriesPerSecond;
  ctx.reference.hooklineFanOut = fanOutRate;
  return {
    rows,
    details: {
      results: Object.fromEntries(
        Object.entries(results).map(([label, result]) => [label, { ...result, progress: undefined }]),
      ),
    },
  };
}
