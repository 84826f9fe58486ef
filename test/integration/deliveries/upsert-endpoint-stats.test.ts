// The worker's batched recording adds every attempt to its endpoint's minute row and hour row
// and to its tenant's hour row in the same transaction, so an hourly row is always the sum of
// its minute rows (and a tenant's the sum of its endpoints'), also with concurrent batches over
// the same rows (sorted lock order: no deadlock).
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { recordAttempts } from "@/lib/recording/record-attempts";
import { addSample, emptyHistogram } from "@/lib/stats";
import { attemptRecord, randomAttemptRecords, seededRandom } from "../../helpers/attempt-records";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint } from "../../helpers/fixtures";

const HOUR = 3_600_000;

interface RollupRow {
  owner: string;
  at: Date;
  succeeded: number;
  failed: number;
  latency_sum_ms: string;
  histogram: number[];
}

async function rows(
  table: "endpoint_stats" | "endpoint_stats_hourly" | "tenant_stats_hourly",
  owner: string,
): Promise<RollupRow[]> {
  const time = table === "endpoint_stats" ? "minute" : "hour";
  const ownerColumn = table === "tenant_stats_hourly" ? "tenant_id" : "endpoint_id";
  const { rows: found } = await pool().query<RollupRow>(
    `SELECT ${ownerColumn} AS owner, ${time} AS at, succeeded, failed, latency_sum_ms::text, histogram FROM ${table} WHERE ${ownerColumn} = $1 ORDER BY ${time}`,
    [owner],
  );
  return found;
}

const histogramOf = (...latencies: number[]) =>
  latencies.reduce((histogram, ms) => addSample(histogram, ms), emptyHistogram());

describe("recording attempts into the minute and hour rollups", () => {
  useTestDatabase();
  let tenantId: string;
  let first: string;
  let second: string;
  const hour = Math.floor(Date.now() / HOUR) * HOUR - 5 * HOUR;

  beforeAll(async () => {
    tenantId = await createTenant();
    first = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/first" })).id;
    second = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/second" })).id;
  });

  it("should write a minute row and an hour row per endpoint, and add later batches to both", async () => {
    const at = (minutes: number, seconds = 0) => new Date(hour + minutes * 60_000 + seconds * 1_000);
    await recordAttempts(
      [
        attemptRecord({ tenantId, endpointId: first, startedAt: at(3, 10), durationMs: 20, status: 200 }),
        attemptRecord({ tenantId, endpointId: first, startedAt: at(3, 50), durationMs: 900, status: 503 }),
        attemptRecord({ tenantId, endpointId: first, startedAt: at(59, 59), durationMs: 40, status: 200 }),
        attemptRecord({ tenantId, endpointId: first, startedAt: at(60), durationMs: 70_000, status: null }),
      ],
      "wkr_test",
    );
    await recordAttempts(
      [attemptRecord({ tenantId, endpointId: first, startedAt: at(3, 30), durationMs: 5, status: 200 })],
      "wkr_test",
    );

    expect(await rows("endpoint_stats", first)).toEqual([
      { owner: first, at: at(3), succeeded: 2, failed: 1, latency_sum_ms: "925", histogram: histogramOf(20, 900, 5) },
      { owner: first, at: at(59), succeeded: 1, failed: 0, latency_sum_ms: "40", histogram: histogramOf(40) },
      { owner: first, at: at(60), succeeded: 0, failed: 1, latency_sum_ms: "70000", histogram: histogramOf(70_000) },
    ]);
    expect(await rows("endpoint_stats_hourly", first)).toEqual([
      {
        owner: first,
        at: at(0),
        succeeded: 3,
        failed: 1,
        latency_sum_ms: "965",
        histogram: histogramOf(20, 900, 5, 40),
      },
      { owner: first, at: at(60), succeeded: 0, failed: 1, latency_sum_ms: "70000", histogram: histogramOf(70_000) },
    ]);
    // The tenant's hours: so far only this endpoint's attempts.
    expect(await rows("tenant_stats_hourly", tenantId)).toEqual(
      (await rows("endpoint_stats_hourly", first)).map((row) => ({ ...row, owner: tenantId })),
    );
  });

  it("should keep every hour row equal to the sum of its minute rows under concurrent batches", async () => {
    const random = seededRandom(7);
    const endpoints = [first, second].map((endpointId) => ({ tenantId, endpointId }));
    const batches = Array.from({ length: 8 }, () =>
      randomAttemptRecords(random, endpoints, hour + 2 * HOUR, 90 * 60_000, 300),
    );
    await Promise.all(batches.map((batch) => recordAttempts(batch, "wkr_test")));

    const { rows: mismatches } = await pool().query(
      `WITH buckets AS (
         SELECT endpoint_id, date_trunc('hour', minute, 'UTC') AS hour, n, sum(v)::int AS v
           FROM endpoint_stats, unnest(histogram) WITH ORDINALITY AS x(v, n) WHERE tenant_id = $1 GROUP BY 1, 2, 3
       ), histograms AS (
         SELECT endpoint_id, hour, array_agg(v ORDER BY n) AS histogram FROM buckets GROUP BY 1, 2
       ), counts AS (
         SELECT endpoint_id, date_trunc('hour', minute, 'UTC') AS hour, sum(succeeded)::int AS succeeded, sum(failed)::int AS failed,
                sum(latency_sum_ms)::bigint AS latency_sum_ms
           FROM endpoint_stats WHERE tenant_id = $1 GROUP BY 1, 2
       ), minutes AS (SELECT * FROM counts JOIN histograms USING (endpoint_id, hour))
       SELECT * FROM minutes m FULL JOIN endpoint_stats_hourly h USING (endpoint_id, hour)
        WHERE m.succeeded IS DISTINCT FROM h.succeeded OR m.failed IS DISTINCT FROM h.failed
           OR m.latency_sum_ms IS DISTINCT FROM h.latency_sum_ms OR m.histogram IS DISTINCT FROM h.histogram`,
      [tenantId],
    );
    expect(mismatches).toEqual([]);
    const { rows: tenantMismatches } = await pool().query(
      `WITH buckets AS (
         SELECT tenant_id, hour, n, sum(v)::int AS v FROM endpoint_stats_hourly, unnest(histogram) WITH ORDINALITY AS x(v, n) GROUP BY 1, 2, 3
       ), endpoints AS (
         SELECT e.tenant_id, e.hour, sum(succeeded)::int AS succeeded, sum(failed)::int AS failed, sum(latency_sum_ms)::bigint AS latency_sum_ms,
                (SELECT array_agg(b.v ORDER BY b.n) FROM buckets b WHERE b.tenant_id = e.tenant_id AND b.hour = e.hour) AS histogram
           FROM endpoint_stats_hourly e GROUP BY 1, 2
       )
       SELECT * FROM endpoints e FULL JOIN tenant_stats_hourly t USING (tenant_id, hour)
        WHERE e.succeeded IS DISTINCT FROM t.succeeded OR e.failed IS DISTINCT FROM t.failed
           OR e.latency_sum_ms IS DISTINCT FROM t.latency_sum_ms OR e.histogram IS DISTINCT FROM t.histogram`,
    );
    expect(tenantMismatches).toEqual([]);
    const { rows: totals } = await pool().query<{ n: number }>(
      `SELECT sum(succeeded + failed)::int AS n FROM endpoint_stats_hourly WHERE tenant_id = $1`,
      [tenantId],
    );
    expect(totals[0]!.n).toBe(5 + 8 * 300);
  });
});
