// Adds a batch of attempts to the rollups: per endpoint and minute (endpoint_stats), per
// endpoint and hour (endpoint_stats_hourly) and per tenant and hour (tenant_stats_hourly),
// counts and the latency histogram of lib/stats. Aggregated in memory first, so a batch of 500
// attempts to one endpoint is one upsert per table, not 500. All three are written by the same
// transaction (record-attempts.ts), so an hourly row is always the sum of its hour's minute
// rows and a tenant's row the sum of its endpoints' rows, which is what lets readers mix them
// (lib/stats/sum-rollups.ts).
//
// Rows are locked in sorted order. The endpoint rows come right after the deliveries; the
// tenant row, which every batch of that tenant's hour needs, is written last (just before the
// commit, after endpoint health), so concurrent batches of one tenant wait on each other only
// for the shortest time. Lock order: deliveries → endpoint_stats → endpoint_stats_hourly →
// endpoints → tenant_stats_hourly.
import "server-only";
import type pg from "pg";
import { addSample, emptyHistogram } from "@/lib/stats";
import { histogramAdd } from "@/lib/stats/histogram-sql";
import { HOUR_MS, MINUTE_MS } from "@/lib/stats/split-range";
import { isSuccess, type AttemptRecord } from "@/lib/recording/attempt-record";

interface Rollup {
  /** The endpoint or the tenant the row belongs to. */
  owner: string;
  start: Date;
  tenantId: string;
  succeeded: number;
  failed: number;
  latencySumMs: number;
  histogram: number[];
}

/** The records summed per owner and `stepMs` period, sorted by (owner, start). */
function rollUp(
  records: readonly AttemptRecord[],
  stepMs: number,
  ownerOf: (record: AttemptRecord) => string,
): Rollup[] {
  const rollups = new Map<string, Rollup>();
  for (const record of records) {
    const start = new Date(Math.floor(record.response.startedAt.getTime() / stepMs) * stepMs);
    const owner = ownerOf(record);
    const key = `${owner}\0${start.getTime()}`;
    let rollup = rollups.get(key);
    if (!rollup) {
      rollup = {
        owner,
        start,
        tenantId: record.tenantId,
        succeeded: 0,
        failed: 0,
        latencySumMs: 0,
        histogram: emptyHistogram(),
      };
      rollups.set(key, rollup);
    }
    if (isSuccess(record.response)) rollup.succeeded++;
    else rollup.failed++;
    rollup.latencySumMs += record.response.durationMs;
    addSample(rollup.histogram, record.response.durationMs);
  }
  // Sorted, so concurrent flushes lock rows in the same order.
  return [...rollups.values()].sort((a, b) =>
    a.owner === b.owner ? a.start.getTime() - b.start.getTime() : a.owner < b.owner ? -1 : 1,
  );
}

// The same upsert for every table; only the table, its key columns and its time column differ
// (fixed names). $1 owner, $2 start, $3 tenant (endpoint tables only), then the counts. The conflict
// target is the primary key: (endpoint_id, time, tenant_id), or (tenant_id, time).
function upsertStatement(
  table: "endpoint_stats" | "endpoint_stats_hourly" | "tenant_stats_hourly",
  time: "minute" | "hour",
): string {
  const perEndpoint = table !== "tenant_stats_hourly";
  const owner = perEndpoint ? "endpoint_id" : "tenant_id";
  return `INSERT INTO ${table} (${owner}, ${time}, ${perEndpoint ? "tenant_id, " : ""}succeeded, failed, latency_sum_ms, histogram)
          SELECT owner, start, ${perEndpoint ? "tenant_id, " : ""}succeeded, failed, latency_sum_ms, histogram::int[]
            FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::int[], $5::int[], $6::bigint[], $7::text[])
              AS s(owner, start, tenant_id, succeeded, failed, latency_sum_ms, histogram)
          ON CONFLICT (${perEndpoint ? `endpoint_id, ${time}, tenant_id` : `tenant_id, ${time}`}) DO UPDATE SET
            succeeded = ${table}.succeeded + EXCLUDED.succeeded,
            failed = ${table}.failed + EXCLUDED.failed,
            latency_sum_ms = ${table}.latency_sum_ms + EXCLUDED.latency_sum_ms,
            histogram = ${histogramAdd(table)}`;
}

const byEndpoint = (record: AttemptRecord) => record.endpointId;
const byTenant = (record: AttemptRecord) => record.tenantId;

const ENDPOINT_STATEMENTS = [
  {
    name: "hookline_upsert_endpoint_stats",
    text: upsertStatement("endpoint_stats", "minute"),
    stepMs: MINUTE_MS,
    ownerOf: byEndpoint,
  },
  {
    name: "hookline_upsert_endpoint_stats_hourly",
    text: upsertStatement("endpoint_stats_hourly", "hour"),
    stepMs: HOUR_MS,
    ownerOf: byEndpoint,
  },
] as const;
const TENANT_STATEMENT = {
  name: "hookline_upsert_tenant_stats_hourly",
  text: upsertStatement("tenant_stats_hourly", "hour"),
  stepMs: HOUR_MS,
  ownerOf: byTenant,
} as const;

async function upsert(
  client: pg.PoolClient,
  records: readonly AttemptRecord[],
  statement: (typeof ENDPOINT_STATEMENTS)[number] | typeof TENANT_STATEMENT,
): Promise<void> {
  const rows = rollUp(records, statement.stepMs, statement.ownerOf);
  await client.query({
    name: statement.name,
    text: statement.text,
    values: [
      rows.map((row) => row.owner),
      rows.map((row) => row.start),
      rows.map((row) => row.tenantId),
      rows.map((row) => row.succeeded),
      rows.map((row) => row.failed),
      rows.map((row) => row.latencySumMs),
      rows.map((row) => `{${row.histogram.join(",")}}`),
    ],
  });
}

/** The endpoint rows, per minute and per hour. */
export async function upsertEndpointStats(client: pg.PoolClient, records: readonly AttemptRecord[]): Promise<void> {
  if (!records.length) return;
  for (const statement of ENDPOINT_STATEMENTS) await upsert(client, records, statement);
}

/** The tenant rows, per hour: call last in the transaction (see the lock order above). */
export async function upsertTenantStats(client: pg.PoolClient, records: readonly AttemptRecord[]): Promise<void> {
  if (!records.length) return;
  await upsert(client, records, TENANT_STATEMENT);
}
