// Adds up endpoint statistics, histograms included (element-wise, in SQL: histogram-sql.ts),
// grouped by time bucket (the charts) or by endpoint (the endpoint table's 24 h health). A
// range is read from the hourly rollups (endpoint_stats_hourly, or tenant_stats_hourly for a
// whole tenant's time series) for the whole hours inside it and from the per-minute rows
// (endpoint_stats) only for the partial first and last hour (split-range.ts), so 30 days of an
// endpoint are ~720 rows instead of 43,200, and the sums are exactly those of the minute rows
// (the worker writes all of them in one transaction). Minute buckets read minute rows only.
// Every branch goes through an index: (tenant_id, minute|hour) or the tenant rows' primary key
// for a whole tenant, the primary key (endpoint_id, minute|hour) when endpoints are named.
// lib/stats turns the sums into rates and percentiles.
import "server-only";
import { pool } from "@/lib/db";
import { HISTOGRAM_SUM } from "./histogram-sql";
import { splitRange } from "./split-range";
import type { StatsCounts } from "./summarize-stats";

export type Granularity = "minute" | "hour" | "day";

export interface RollupFilter {
  tenantId: string;
  /** Only these endpoints (all of the tenant's when left out). */
  endpointIds?: readonly string[];
  from: Date;
  to: Date;
}

interface Row {
  key: Date | string;
  succeeded: number;
  failed: number;
  latency_sum_ms: string;
  histogram: number[] | null;
}

// Two fixed group expressions per table, picked by the caller's kind; never text from a
// request. Only the time one takes a parameter ($7, the granularity).
const GROUP_BY = {
  time: (column: "minute" | "hour") => `date_trunc($7, ${column}, 'UTC')`,
  endpoint: () => `endpoint_id`,
} as const;

const ROWS = `tenant_id = $1 AND ($2::text[] IS NULL OR endpoint_id = ANY($2))`;

// Three ranges, each its own index range scan: minutes [$3, $5), hours [$5, $6), minutes
// [$6, $4). Empty ones ($5 = $6 = $4 when no whole hour fits) cost one index descent.
// ($2 IS NULL in the tenant branch only keeps the parameter's type known to PostgreSQL.)
async function sumRollups(
  filter: RollupFilter,
  groupBy: keyof typeof GROUP_BY,
  granularity: Granularity = "minute",
): Promise<Row[]> {
  const split = splitRange(filter.from, filter.to, groupBy === "endpoint" || granularity !== "minute");
  // A whole tenant's time series reads its own hourly rows: one per hour, not one per endpoint
  // and hour (720 instead of 7,200 for 30 days of 10 endpoints).
  const hourly =
    groupBy === "time" && !filter.endpointIds
      ? `tenant_stats_hourly WHERE tenant_id = $1 AND $2::text[] IS NULL`
      : `endpoint_stats_hourly WHERE ${ROWS}`;
  const { rows } = await pool().query<Row>(
    `SELECT key, sum(succeeded)::int AS succeeded, sum(failed)::int AS failed,
            sum(latency_sum_ms)::text AS latency_sum_ms, ${HISTOGRAM_SUM} AS histogram
       FROM (SELECT ${GROUP_BY[groupBy]("minute")} AS key, succeeded, failed, latency_sum_ms, histogram
               FROM endpoint_stats WHERE ${ROWS} AND minute >= $3 AND minute < $5
             UNION ALL
             SELECT ${GROUP_BY[groupBy]("hour")}, succeeded, failed, latency_sum_ms, histogram
               FROM ${hourly} AND hour >= $5 AND hour < $6
             UNION ALL
             SELECT ${GROUP_BY[groupBy]("minute")}, succeeded, failed, latency_sum_ms, histogram
               FROM endpoint_stats WHERE ${ROWS} AND minute >= $6 AND minute < $4) AS rollups
      GROUP BY 1`,
    [
      filter.tenantId,
      filter.endpointIds ? [...filter.endpointIds] : null,
      split.from,
      split.to,
      split.wholeFrom,
      split.wholeTo,
      ...(groupBy === "time" ? [granularity] : []),
    ],
  );
  return rows;
}

const toCounts = (row: Row): StatsCounts => ({
  succeeded: row.succeeded,
  failed: row.failed,
  latencySumMs: BigInt(row.latency_sum_ms),
  histogram: row.histogram ?? [],
});

/** Sums per time bucket, keyed by the bucket's start in ms. */
export async function sumRollupsByTime(
  filter: RollupFilter,
  granularity: Granularity,
): Promise<Map<number, StatsCounts>> {
  const rows = await sumRollups(filter, "time", granularity);
  return new Map(rows.map((row) => [(row.key as Date).getTime(), toCounts(row)]));
}

/** Sums per endpoint over the whole range, keyed by endpoint id. */
export async function sumRollupsByEndpoint(
  filter: RollupFilter & { endpointIds: readonly string[] },
): Promise<Map<string, StatsCounts>> {
  const rows = await sumRollups(filter, "endpoint");
  return new Map(rows.map((row) => [row.key as string, toCounts(row)]));
}
