// (6) Backlog and growth: drain a large backlog with one worker and compare the throughput of
// its first and last 10 % (tables grow while it drains: attempts, stats, dead tuples); the
// scale curve with 1, 2 and 4 workers on the same backlog; 10 vs. 1,000 distinct endpoints
// (1,000 origins: the receiver listens on 1,000 extra loopback ports, one undici pool each).
import { dataset, drain, type DrainResult } from "./lib/datasets";
import { endpointUrls, fanOutDataset } from "./delivery-throughput";
import type { BenchContext } from "./lib/context";
import type { BenchOutcome, Row } from "./lib/report";

const BENCH = "6 backlog & growth";

/** Deliveries per second over the arrivals between fractions `from` and `to` of the total. */
function rateBetween(result: DrainResult, from: number, to: number): number {
  const at = (fraction: number) => {
    const goal = fraction * result.deliveries;
    if (goal === 0) return 0;
    const sample = result.progress.find(([, received]) => received >= goal);
    return sample ? sample[0] : result.seconds;
  };
  return ((to - from) * result.deliveries) / Math.max(1e-3, at(to) - at(from));
}

export async function backlog(ctx: BenchContext): Promise<BenchOutcome> {
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};

  // Scale curve: the same 10-endpoint backlog, 1, 2 and 4 workers (quick: 1 and 2).
  const fanOut = await fanOutDataset(ctx);
  const counts = ctx.quick ? [1, 2] : [1, 2, 4];
  const curve: Record<number, DrainResult> = {};
  for (const workers of counts) {
    ctx.log(`  scale curve: ${workers} worker(s)`);
    curve[workers] = await drain(ctx, fanOut, workers);
  }

  // Growth: one worker through a big backlog (quick: the 1-worker run of the curve).
  const big = ctx.quick ? fanOut : await dataset(ctx, "backlog", 20_000, endpointUrls(ctx, 10));
  if (!ctx.quick) ctx.log(`  draining the ${big.deliveries.toLocaleString("en-US")}-delivery backlog`);
  const growth = ctx.quick ? curve[1]! : await drain(ctx, big, 1);
  // The first 10 % is measured from 1 % on: the very first requests open connections.
  const first = rateBetween(growth, 0.01, 0.1);
  const last = rateBetween(growth, 0.9, 1);
  details.growth = {
    ...growth,
    progress: growth.progress.filter((_, index) => index % 10 === 0),
    firstTenthPerSecond: first,
    lastTenthPerSecond: last,
  };
  rows.push(
    {
      bench: BENCH,
      name: `${big.deliveries.toLocaleString("en-US")}-delivery backlog, 1 worker`,
      value: growth.deliveriesPerSecond,
      unit: "deliveries/s",
      note: `${growth.seconds.toFixed(1)} s`,
    },
    {
      bench: BENCH,
      name: "last 10 % ÷ first 10 % throughput",
      value: last / first,
      unit: "×",
      target: { op: ">=", value: 0.8 },
      note: `first ${Math.round(first)}/s, last ${Math.round(last)}/s`,
    },
    {
      bench: "8 footprint",
      name: `worker peak RSS (${big.deliveries.toLocaleString("en-US")}-delivery backlog)`,
      value: growth.workerPeakRssBytes / 2 ** 20,
      unit: "MB",
      target: { op: "<", value: 200 },
      note: `worker CPU ${growth.workerCpuSecondsPer1000.toFixed(3)} s/1,000; PostgreSQL ${growth.postgresCpuMsPerDelivery.toFixed(3)} CPU ms/delivery`,
    },
  );

  details.scale = Object.fromEntries(
    Object.entries(curve).map(([workers, result]) => [workers, { ...result, progress: undefined }]),
  );
  for (const workers of counts) {
    const result = curve[workers]!;
    rows.push({
      bench: BENCH,
      name: `${workers} worker(s), ${fanOut.deliveries.toLocaleString("en-US")} deliveries`,
      value: result.deliveriesPerSecond,
      unit: "deliveries/s",
      note: `machine CPU ${Math.round(result.machineCpuBusy * 100)} % busy`,
    });
  }
  rows.push({
    bench: BENCH,
    name: "2 workers ÷ 1 worker",
    value: curve[2]!.deliveriesPerSecond / curve[1]!.deliveriesPerSecond,
    unit: "×",
    target: { op: ">=", value: 1.6 }, // issue 21
    note: curve[1]!.machineCpuBusy > 0.9 ? "CPU already saturated with 1 worker" : undefined,
  });

  // Many origins: 1,000 endpoints on 1,000 ports vs. the 10-endpoint run of the curve.
  const many = await dataset(ctx, "many", ctx.quick ? 2 : 50, ctx.receiver.extraUrls.slice(0, 1_000));
  ctx.log(`  draining ${many.deliveries.toLocaleString("en-US")} deliveries to 1,000 endpoints`);
  const manyResult = await drain(ctx, many, 1);
  details.manyEndpoints = { ...manyResult, progress: undefined };
  rows.push(
    {
      bench: BENCH,
      name: `1,000 endpoints (1,000 origins), ${many.deliveries.toLocaleString("en-US")} deliveries`,
      value: manyResult.deliveriesPerSecond,
      unit: "deliveries/s",
    },
    {
      bench: BENCH,
      name: "1,000 endpoints ÷ 10 endpoints",
      value: manyResult.deliveriesPerSecond / curve[1]!.deliveriesPerSecond,
      unit: "×",
      target: { op: ">=", value: 0.9 }, // issue 21
    },
  );
  return { rows, details };
}
