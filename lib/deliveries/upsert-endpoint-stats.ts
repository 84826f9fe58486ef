// Adds a batch of attempts to the per-endpoint, per-minute rollups (counts and the latency
// histogram of lib/stats). Aggregated in memory first, so a batch of 500 attempts to one endpoint
// is one row upsert, not 500.
import "server-only";
import type pg from "pg";
import { addSample, emptyHistogram } from "@/lib/stats";
import type { AttemptRecord } from "./record-attempts";
import { isSuccess } from "./record-attempts";

interface Rollup {
  endpointId: string;
  minute: Date;
  tenantId: string;
  succeeded: number;
  failed: number;
  latencySumMs: number;
  histogram: number[];
}

export async function upsertEndpointStats(client: pg.PoolClient, records: readonly AttemptRecord[]): Promise<void> {
  const rollups = new Map<string, Rollup>();
  for (const record of records) {
    const minute = new Date(Math.floor(record.response.startedAt.getTime() / 60_000) * 60_000);
    const key = `${record.endpointId}\0${minute.getTime()}`;
    let rollup = rollups.get(key);
    if (!rollup) {
      rollup = { endpointId: record.endpointId, minute, tenantId: record.tenantId, succeeded: 0, failed: 0, latencySumMs: 0, histogram: emptyHistogram() };
      rollups.set(key, rollup);
    }
    if (isSuccess(record.response)) rollup.succeeded++;
    else rollup.failed++;
    rollup.latencySumMs += record.response.durationMs;
    addSample(rollup.histogram, record.response.durationMs);
  }
  // Sorted, so concurrent flushes lock rows in the same order.
  const rows = [...rollups.values()].sort((a, b) => (a.endpointId === b.endpointId ? a.minute.getTime() - b.minute.getTime() : a.endpointId < b.endpointId ? -1 : 1));
  await client.query({
    name: "hookline_upsert_endpoint_stats",
    text: `INSERT INTO endpoint_stats (endpoint_id, minute, tenant_id, succeeded, failed, latency_sum_ms, histogram)
           SELECT endpoint_id, minute, tenant_id, succeeded, failed, latency_sum_ms, histogram::int[]
             FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::int[], $5::int[], $6::bigint[], $7::text[])
               AS s(endpoint_id, minute, tenant_id, succeeded, failed, latency_sum_ms, histogram)
           ON CONFLICT (endpoint_id, minute) DO UPDATE SET
             succeeded = endpoint_stats.succeeded + EXCLUDED.succeeded,
             failed = endpoint_stats.failed + EXCLUDED.failed,
             latency_sum_ms = endpoint_stats.latency_sum_ms + EXCLUDED.latency_sum_ms,
             histogram = (SELECT array_agg(coalesce(a, 0) + coalesce(b, 0) ORDER BY n)
                            FROM unnest(endpoint_stats.histogram, EXCLUDED.histogram) WITH ORDINALITY AS h(a, b, n))`,
    values: [
      rows.map((row) => row.endpointId),
      rows.map((row) => row.minute),
      rows.map((row) => row.tenantId),
      rows.map((row) => row.succeeded),
      rows.map((row) => row.failed),
      rows.map((row) => row.latencySumMs),
      rows.map((row) => `{${row.histogram.join(",")}}`),
    ],
  });
}
