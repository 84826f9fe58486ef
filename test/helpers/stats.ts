// Rollup rows written straight into the tables, as the worker would have left them: the minute
// row, and the same numbers added to its endpoint's and its tenant's hour rows (readers take
// whole hours from endpoint_stats_hourly and tenant_stats_hourly, lib/stats/sum-rollups.ts).
import { pool } from "@/lib/db";
import { histogramAdd } from "@/lib/stats/histogram-sql";

export interface StatsRow {
  endpointId: string;
  tenantId: string;
  minute: Date;
  succeeded: number;
  failed: number;
  latencySumMs: number;
  histogram: number[];
}

export async function insertStatsRow(row: StatsRow): Promise<void> {
  const values = [row.endpointId, row.minute, row.tenantId, row.succeeded, row.failed, row.latencySumMs, row.histogram];
  await pool().query(
    `INSERT INTO endpoint_stats (endpoint_id, minute, tenant_id, succeeded, failed, latency_sum_ms, histogram) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    values,
  );
  await pool().query(
    `INSERT INTO endpoint_stats_hourly AS h (endpoint_id, hour, tenant_id, succeeded, failed, latency_sum_ms, histogram)
     VALUES ($1, date_trunc('hour', $2::timestamptz, 'UTC'), $3, $4, $5, $6, $7)
     ON CONFLICT (endpoint_id, hour, tenant_id) DO UPDATE SET succeeded = h.succeeded + EXCLUDED.succeeded, failed = h.failed + EXCLUDED.failed,
       latency_sum_ms = h.latency_sum_ms + EXCLUDED.latency_sum_ms, histogram = ${histogramAdd("h")}`,
    values,
  );
  await pool().query(
    `INSERT INTO tenant_stats_hourly AS h (tenant_id, hour, succeeded, failed, latency_sum_ms, histogram)
     VALUES ($1, date_trunc('hour', $2::timestamptz, 'UTC'), $3, $4, $5, $6)
     ON CONFLICT (tenant_id, hour) DO UPDATE SET succeeded = h.succeeded + EXCLUDED.succeeded, failed = h.failed + EXCLUDED.failed,
       latency_sum_ms = h.latency_sum_ms + EXCLUDED.latency_sum_ms, histogram = ${histogramAdd("h")}`,
    [row.tenantId, row.minute, row.succeeded, row.failed, row.latencySumMs, row.histogram],
  );
}
