// Success rate, counts and latency percentiles over a time range, per endpoint or for a whole
// tenant, from the rollups the worker writes (never from scanning attempts): hourly rows for
// the whole hours of the range, minute rows for its ragged edges. SQL adds up the rows per time
// bucket, histograms included (sum-rollups.ts); lib/stats turns them into percentiles. Empty buckets are filled in, so a chart gets a continuous series.
import "server-only";
import { AppError } from "@/lib/errors";
import { sumRollupsByTime, type Granularity } from "./sum-rollups";
import { combineStats, summarize, type StatsSummary } from "./summarize-stats";

export type { Granularity };

const STEP_MS: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const MAX_BUCKETS = 2_000;

export interface StatsQuery {
  tenantId: string;
  endpointId?: string;
  from: Date;
  to: Date;
  granularity: Granularity;
}

export interface StatsPoint extends StatsSummary {
  time: string;
}

export interface EndpointStatsResult {
  from: string;
  to: string;
  granularity: Granularity;
  totals: StatsSummary;
  series: StatsPoint[];
}

const floorTo = (time: number, granularity: Granularity) =>
  Math.floor(time / STEP_MS[granularity]) * STEP_MS[granularity];

export async function getEndpointStats(query: StatsQuery): Promise<EndpointStatsResult> {
  const { tenantId, endpointId, granularity } = query;
  if (query.to <= query.from)
    throw new AppError("validation_failed", "`to` must be after `from`.", [
      { path: "to", message: "must be after from" },
    ]);
  const start = floorTo(query.from.getTime(), granularity);
  const end = query.to.getTime();
  const buckets = Math.ceil((end - start) / STEP_MS[granularity]);
  if (buckets > MAX_BUCKETS) {
    throw new AppError(
      "validation_failed",
      `That range has ${buckets} ${granularity}s; ask for at most ${MAX_BUCKETS} (use a coarser granularity).`,
      [{ path: "granularity", message: "too fine for this range" }],
    );
  }
  const byBucket = await sumRollupsByTime(
    { tenantId, endpointIds: endpointId ? [endpointId] : undefined, from: new Date(start), to: new Date(end) },
    granularity,
  );
  const series: StatsPoint[] = [];
  for (let time = start; time < end; time += STEP_MS[granularity]) {
    const counts = byBucket.get(time) ?? { succeeded: 0, failed: 0, latencySumMs: 0n, histogram: [] };
    series.push({ time: new Date(time).toISOString(), ...summarize(counts) });
  }
  return {
    from: new Date(start).toISOString(),
    to: new Date(end).toISOString(),
    granularity,
    totals: summarize(combineStats([...byBucket.values()])),
    series,
  };
}
