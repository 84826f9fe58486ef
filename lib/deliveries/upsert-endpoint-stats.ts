// Adds a batch of attempts to the per-endpoint rollups: per minute (endpoint_stats) and per
// hour (endpoint_stats_hourly), counts and the latency histogram of lib/stats. Aggregated in
// memory first, so a batch of 500 attempts to one endpoint is one upsert per table, not 500.
// Both tables are written by the same transaction (record-attempts.ts), so an hourly row is
// always the sum of its hour's minute rows, which is what lets readers mix them
// (lib/stats/sum-rollups.ts). Rows are locked in sorted order, minute rows first, then hourly
// rows: the documented lock order deliveries → endpoint_stats → endpoint_stats_hourly →
// endpoints.
import "server-only";
import type pg from "pg";
import { addSample, emptyHistogram } from "@/lib/stats";
import { histogramAdd } from "@/lib/stats/histogram-sql";
import { HOUR_MS, MINUTE_MS } from "@/lib/stats/split-range";
import type { AttemptRecord } from "./record-attempts";
import { isSuccess } from "./record-attempts";

interface Rollup {
  endpointId: string;
  start: Date;
  tenantId: string;
  succeeded: number;
  failed: number;
  latencySumMs: number;
  histogram: number[];
}

/** The records summed per endpoint and `stepMs` period, sorted by (endpoint, start). */
function rollUp(records: readonly AttemptRecord[], stepMs: number): Rollup[] {
  const rollups = new Map<string, Rollup>();
  for (const record of records) {
    const start = new Date(Math.floor(record.response.startedAt.getTime() / stepMs) * stepMs);
    const key = `${record.endpointId}\0${start.getTime()}`;
    let rollup = rollups.get(key);
    if (!rollup) {
      rollup = { endpointId: record.endpointId, start, tenantId: record.tenantId, succeeded: 0, failed: 0, latencySumMs: 0, histogram: emptyHistogram() };
      rollups.set(key, rollup);
    }
    if (isSuccess(record.response)) rollup.succeeded++;
    else rollup.failed++;
    rollup.latencySumMs += record.response.durationMs;
    addSample(rollup.histogram, record.response.durationMs);
  }
  // Sorted, so concurrent flushes lock rows in the same order.
  return [...rollups.values()].sort((a, b) => (a.endpointId === b.endpointId ? a.start.getTime() - b.start.getTime() : a.endpointId < b.endpointId ? -1 : 1));
}

// The same upsert for both tables; only the table and its time column differ (fixed names).
function upsertStatement(table: "endpoint_stats" | "endpoint_stats_hourly", time: "minute" | "hour"): string {
  return `INSERT INTO ${table} (endpoint_id, ${time}, tenant_id, succeeded, failed, latency_sum_ms, histogram)
          SELECT endpoint_id, start, tenant_id, succeeded, failed, latency_sum_ms, histogram::int[]
            FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::int[], $5::int[], $6::bigint[], $7::text[])
              AS s(endpoint_id, start, tenant_id, succeeded, failed, latency_sum_ms, histogram)
          ON CONFLICT (endpoint_id, ${time}) DO UPDATE SET
            succeeded = ${table}.succeeded + EXCLUDED.succeeded,
            failed = ${table}.failed + EXCLUDED.failed,
            latency_sum_ms = ${table}.latency_sum_ms + EXCLUDED.latency_sum_ms,
            histogram = ${histogramAdd(table)}`;
}

const STATEMENTS = [
  { name: "hookline_upsert_endpoint_stats", text: upsertStatement("endpoint_stats", "minute"), stepMs: MINUTE_MS },
  { name: "hookline_upsert_endpoint_stats_hourly", text: upsertStatement("endpoint_stats_hourly", "hour"), stepMs: HOUR_MS },
] as const;

export async function upsertEndpointStats(client: pg.PoolClient, records: readonly AttemptRecord[]): Promise<void> {
  if (!records.length) return;
  for (const { name, text, stepMs } of STATEMENTS) {
    const rows = rollUp(records, stepMs);
    await client.query({
      name,
      text,
      values: [
        rows.map((row) => row.endpointId),
        rows.map((row) => row.start),
        rows.map((row) => row.tenantId),
        rows.map((row) => row.succeeded),
        rows.map((row) => row.failed),
        rows.map((row) => row.latencySumMs),
        rows.map((row) => `{${row.histogram.join(",")}}`),
      ],
    });
  }
}
