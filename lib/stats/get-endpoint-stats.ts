// Success rate, counts and latency percentiles over a time range, per endpoint or for a whole
// tenant, from the per-minute rollups the worker writes (never from scanning attempts). SQL adds
// up the rows per time bucket, histograms included (element-wise); lib/stats turns them into
// percentiles. Empty buckets are filled in, so a chart gets a continuous series.
import "server-only";
import { pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { combineStats, summarize, type StatsSummary } from "./summarize-stats";

export type Granularity = "minute" | "hour" | "day";

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

interface Row {
  bucket: Date;
  succeeded: number;
  failed: number;
  latency_sum_ms: string;
  histogram: number[] | null;
}

const floorTo = (time: number, granularity: Granularity) => Math.floor(time / STEP_MS[granularity]) * STEP_MS[granularity];

export async function getEndpointStats(query: StatsQuery): Promise<EndpointStatsResult> {
  const { tenantId, endpointId, granularity } = query;
  if (query.to <= query.from) throw new AppError("validation_failed", "`to` must be after `from`.", [{ path: "to", message: "must be after from" }]);
  const start = floorTo(query.from.getTime(), granularity);
  const end = query.to.getTime();
  const buckets = Math.ceil((end - start) / STEP_MS[granularity]);
  if (buckets > MAX_BUCKETS) {
    throw new AppError("validation_failed", `That range has ${buckets} ${granularity}s; ask for at most ${MAX_BUCKETS} (use a coarser granularity).`, [{ path: "granularity", message: "too fine for this range" }]);
  }
  const { rows } = await pool().query<Row>(
    `WITH picked AS (
       SELECT date_trunc($5, minute, 'UTC') AS bucket, succeeded, failed, latency_sum_ms, histogram
         FROM endpoint_stats
        WHERE tenant_id = $1 AND ($2::text IS NULL OR endpoint_id = $2) AND minute >= $3 AND minute < $4
     ), counts AS (
       SELECT bucket, sum(succeeded)::int AS succeeded, sum(failed)::int AS failed, sum(latency_sum_ms)::text AS latency_sum_ms
         FROM picked GROUP BY bucket
     ), histograms AS (
       SELECT bucket, array_agg(total ORDER BY position) AS histogram
         FROM (SELECT bucket, position, sum(count)::int AS total
                 FROM picked, unnest(histogram) WITH ORDINALITY AS h(count, position)
                GROUP BY bucket, position) per_position
        GROUP BY bucket
     )
     SELECT c.bucket, c.succeeded, c.failed, c.latency_sum_ms, h.histogram
       FROM counts c LEFT JOIN histograms h USING (bucket)`,
    [tenantId, endpointId ?? null, new Date(start), new Date(end), granularity],
  );
  const byBucket = new Map(rows.map((row) => [row.bucket.getTime(), { succeeded: row.succeeded, failed: row.failed, latencySumMs: BigInt(row.latency_sum_ms), histogram: row.histogram ?? [] }]));
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
