// Adds up per-minute endpoint_stats rows, histograms included (element-wise, in SQL), grouped
// by time bucket (the charts) or by endpoint (the endpoint table's 24 h health). Both scans go
// through an index: (tenant_id, minute) for a whole tenant, the primary key (endpoint_id,
// minute) when endpoints are named. lib/stats turns the sums into rates and percentiles.
import "server-only";
import { pool } from "@/lib/db";
import { BUCKET_COUNT } from "./bucket-index";
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

// Two fixed group expressions, picked by the caller's kind; never text from a request. Only the
// time one takes a parameter ($5, the granularity).
const GROUP_BY = {
  time: `date_trunc($5, minute, 'UTC')`,
  endpoint: `endpoint_id`,
} as const;

// Histograms add up element-wise: one sum() per bucket, in the same pass as the counts. (An
// unnest per row and a regroup by position, the obvious alternative, is ~10x slower over a day
// of minutes.) Missing elements of shorter, older rows are NULL, which sum() skips. The layout
// only ever grows (bucket-index.ts), so BUCKET_COUNT covers every stored row.
const HISTOGRAM_SUM = `ARRAY[${Array.from({ length: BUCKET_COUNT }, (_, index) => `coalesce(sum(histogram[${index + 1}]), 0)::int`).join(", ")}]`;

async function sumRollups(filter: RollupFilter, groupBy: keyof typeof GROUP_BY, granularity: Granularity = "minute"): Promise<Row[]> {
  const { rows } = await pool().query<Row>(
    `SELECT ${GROUP_BY[groupBy]} AS key, sum(succeeded)::int AS succeeded, sum(failed)::int AS failed,
            sum(latency_sum_ms)::text AS latency_sum_ms, ${HISTOGRAM_SUM} AS histogram
       FROM endpoint_stats
      WHERE tenant_id = $1 AND ($2::text[] IS NULL OR endpoint_id = ANY($2)) AND minute >= $3 AND minute < $4
      GROUP BY 1`,
    [filter.tenantId, filter.endpointIds ? [...filter.endpointIds] : null, filter.from, filter.to, ...(groupBy === "time" ? [granularity] : [])],
  );
  return rows;
}

const toCounts = (row: Row): StatsCounts => ({ succeeded: row.succeeded, failed: row.failed, latencySumMs: BigInt(row.latency_sum_ms), histogram: row.histogram ?? [] });

/** Sums per time bucket, keyed by the bucket's start in ms. */
export async function sumRollupsByTime(filter: RollupFilter, granularity: Granularity): Promise<Map<number, StatsCounts>> {
  const rows = await sumRollups(filter, "time", granularity);
  return new Map(rows.map((row) => [(row.key as Date).getTime(), toCounts(row)]));
}

/** Sums per endpoint over the whole range, keyed by endpoint id. */
export async function sumRollupsByEndpoint(filter: RollupFilter & { endpointIds: readonly string[] }): Promise<Map<string, StatsCounts>> {
  const rows = await sumRollups(filter, "endpoint");
  return new Map(rows.map((row) => [row.key as string, toCounts(row)]));
}
