// A few days of believable delivery history for the demo tenant, generated inside PostgreSQL
// (generate_series, no row-by-row round trips: thousands of messages take about a second).
// It follows the worker's own rules so that every page agrees with every other:
//  - traffic follows the working day (busiest around 14:00 UTC, quietest around 02:00);
//  - each delivery is tried on the configured retry schedule (±10 % jitter) until a try
//    succeeds or the schedule runs out; tries that would lie in the future have not happened,
//    so those deliveries are still pending, with their next try due then (the worker will make it);
//  - the ok receiver almost always answers 200; the flaky one fails a third of its tries (and
//    nine in ten during a three-hour "incident" a day ago); the slow one takes 1–3 s and times
//    out now and then;
//  - endpoint_stats rows are rolled up from exactly these attempts (counts, latency sum and the
//    histogram in lib/stats' bucket layout), endpoint_stats_hourly and tenant_stats_hourly rows
//    are the sums of those minute rows (added to, as the worker does), every closed hour's message count is stored
//    (as the workers' maintenance loop would have), and endpoint health (last success, failing
//    since) is what the last attempts say.
// Attempt rows look like the worker's: masked signature, the playground's answer as body.
import "server-only";
import type pg from "pg";
import { withTransaction } from "@/lib/db";
import { closedHoursEnd, hoursBetween, storeMessageCounts } from "@/lib/stats/store-message-counts";
import type { PlaygroundMode } from "@/lib/playground";
import { BUCKET_COUNT, BUCKET_UPPER_BOUNDS_MS } from "@/lib/stats/bucket-index";
import { HISTOGRAM_SUM, histogramAdd } from "@/lib/stats/histogram-sql";
import { floorTo, HOUR_MS } from "@/lib/stats/split-range";
import { HOOKLINE_VERSION } from "@/lib/version";

export interface HistoryEndpoint {
  id: string;
  mode: PlaygroundMode;
  url: string;
  /** Event types it receives; empty: all. */
  eventTypes: string[];
  /** Its request timeout (what a timed-out try of the slow receiver lasts). */
  timeoutMs: number;
}

export interface HistoryInput {
  tenantId: string;
  endpoints: HistoryEndpoint[];
  /** Event types with their example payload and how often they are published. */
  eventTypes: Array<{ name: string; example: Record<string, unknown>; weight: number }>;
  days: number;
  /** Average messages per minute over the day. */
  messagesPerMinute: number;
  /** The retry schedule in ms (HOOKLINE_RETRY_SCHEDULE). */
  schedule: number[];
  now?: Date;
}

export interface HistoryCounts {
  messages: number;
  deliveries: number;
  attempts: number;
}

// A prefixed ULID (lib/ids.ts) for a given time: 10 base-32 characters of milliseconds, then 16
// random ones. PL/pgSQL rather than SQL so that it is never inlined: an inlined body's
// uncorrelated random() could be evaluated once for a whole statement. (pg_temp objects live as
// long as the connection, hence OR REPLACE.)
const ID_FUNCTION = `
CREATE OR REPLACE FUNCTION pg_temp.hl_id(prefix text, at timestamptz) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  ms bigint := floor(extract(epoch FROM at) * 1000)::bigint;
  encoded text := '';
BEGIN
  FOR i IN 1..10 LOOP
    encoded := substr(alphabet, (ms % 32)::int + 1, 1) || encoded;
    ms := ms / 32;
  END LOOP;
  FOR i IN 1..16 LOOP
    encoded := encoded || substr(alphabet, floor(random() * 32)::int + 1, 1);
  END LOOP;
  RETURN prefix || '_' || encoded;
END $$`;

const MESSAGES = `
CREATE TEMP TABLE demo_messages ON COMMIT DROP AS
WITH types AS (
  SELECT name, example, coalesce(sum(weight) OVER (ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(weight) OVER () AS lo,
         sum(weight) OVER (ORDER BY ord) / sum(weight) OVER () AS hi
    FROM unnest($1::text[], $2::jsonb[], $3::float8[]) WITH ORDINALITY AS t(name, example, weight, ord)
), minutes AS (
  SELECT generate_series(date_trunc('minute', $4::timestamptz) - make_interval(days => $5), date_trunc('minute', $4::timestamptz) - interval '1 minute', interval '1 minute') AS minute
), picks AS (
  SELECT m.minute + random() * interval '59 seconds' AS created_at, random() AS dice
    FROM minutes m
   CROSS JOIN LATERAL generate_series(1, floor($6 * (1 + 0.7 * sin(2 * pi() * (extract(epoch FROM m.minute)::bigint % 86400 / 3600.0 - 8) / 24)) + random())::int)
)
SELECT pg_temp.hl_id('msg', p.created_at) AS id, p.created_at, t.name AS event_type, t.example
  FROM picks p JOIN types t ON p.dice >= t.lo AND p.dice < t.hi`;

// The example with a fresh id, customer, amounts and event time, so no two messages look alike.
const INSERT_MESSAGES = `
INSERT INTO messages (id, tenant_id, event_type, payload, created_at)
SELECT id, $1, event_type,
       (example
         || jsonb_build_object('id', split_part(example->>'id', '_', 1) || '_' || substr(md5(random()::text), 1, 14))
         || CASE WHEN example ? 'customer' THEN jsonb_build_object('customer', 'cus_' || substr(md5(random()::text), 1, 10)) ELSE '{}'::jsonb END
         || coalesce((SELECT jsonb_object_agg(key, 100 + floor(random() * 50000)::int) FROM jsonb_object_keys(example) AS key
                       WHERE key IN ('amount', 'amount_paid', 'amount_due', 'amount_refunded')), '{}'::jsonb)
         || coalesce((SELECT jsonb_object_agg(key, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) FROM jsonb_object_keys(example) AS key
                       WHERE key IN ('paid_at', 'created_at', 'updated_at', 'canceled_at')), '{}'::jsonb)
       )::json,
       created_at
  FROM demo_messages`;

const DELIVERIES = `
CREATE TEMP TABLE demo_deliveries ON COMMIT DROP AS
SELECT pg_temp.hl_id('dlv', m.created_at) AS id, m.id AS message_id, m.created_at, e.id AS endpoint_id, e.mode, e.url, e.timeout_ms
  FROM demo_messages m
  JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS e(id, mode, url, event_types, timeout_ms)
    ON e.event_types = '' OR m.event_type = ANY (string_to_array(e.event_types, ','))`;

// Every try a delivery would get on the schedule, with its outcome decided up front; then only
// those in the past and not after a success are kept.
const TRIES = `
CREATE TEMP TABLE demo_tries ON COMMIT DROP AS
WITH offsets AS (
  SELECT n, (SELECT coalesce(sum(step), 0) FROM unnest($1::int[]) WITH ORDINALITY AS s(step, k) WHERE k < n) AS offset_ms
    FROM generate_series(1, cardinality($1::int[]) + 1) AS n
), tries AS (
  SELECT d.*, o.n,
         d.created_at + make_interval(secs => (o.offset_ms * (0.9 + 0.2 * random()) + 30 + random() * 300) / 1000.0) AS started_at,
         random() AS dice, random() AS pick, greatest(random(), 1e-9) AS u1, random() AS u2
    FROM demo_deliveries d CROSS JOIN offsets o
), decided AS (
  SELECT t.*,
         t.dice < CASE t.mode WHEN 'ok' THEN 0.004
                              WHEN 'slow' THEN 0.03
                              ELSE CASE WHEN t.started_at BETWEEN $2::timestamptz - interval '30 hours' AND $2::timestamptz - interval '27 hours' THEN 0.92 ELSE 1 / 3.0 END END AS failed,
         sqrt(-2 * ln(t.u1)) * cos(2 * pi() * t.u2) AS normal
    FROM tries t
), ordered AS (
  SELECT d.*, coalesce(bool_or(NOT d.failed) OVER (PARTITION BY d.id ORDER BY d.n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS settled_before
    FROM decided d
)
SELECT o.*, o.started_at <= $2::timestamptz AND NOT o.settled_before AS happened,
       CASE WHEN NOT o.failed THEN 200
            WHEN o.mode = 'slow' THEN NULL
            WHEN o.mode = 'ok' THEN 503
            ELSE (ARRAY[500, 502, 503])[1 + floor(o.pick * 3)::int] END AS status,
       greatest(1, round(CASE WHEN o.failed AND o.mode = 'slow' THEN o.timeout_ms
                              WHEN o.failed THEN exp(ln(18) + 0.4 * o.normal)
                              WHEN o.mode = 'slow' THEN 1000 + o.pick * 2000 + exp(ln(20) + 0.3 * o.normal)
                              WHEN o.mode = 'flaky' THEN exp(ln(110) + 0.5 * o.normal)
                              ELSE exp(ln(35) + 0.45 * o.normal) END))::int AS duration_ms
  FROM ordered o`;

const INSERT_DELIVERIES = `
INSERT INTO deliveries (id, tenant_id, message_id, endpoint_id, status, attempt_count, scheduled_tries, next_attempt_at, last_status_code, last_error, last_attempt_at, created_at)
SELECT s.id, $1, s.message_id, s.endpoint_id,
       (CASE WHEN s.succeeded THEN 'succeeded' WHEN s.next_at IS NULL THEN 'failed' ELSE 'pending' END)::"DeliveryStatus",
       s.tries, s.tries, CASE WHEN s.succeeded THEN NULL ELSE s.next_at END,
       s.last_status,
       CASE WHEN s.succeeded THEN NULL
            ELSE coalesce('HTTP ' || s.last_status, 'timeout: no complete answer within ' || s.last_duration_ms || ' ms')
                 || CASE WHEN s.next_at IS NULL THEN ' (retries exhausted)' ELSE '' END END,
       s.last_at, s.created_at
  FROM (SELECT id, message_id, endpoint_id, min(created_at) AS created_at,
               count(*) FILTER (WHERE happened)::int AS tries,
               coalesce(bool_or(happened AND NOT failed), false) AS succeeded,
               min(started_at) FILTER (WHERE NOT happened AND NOT settled_before) AS next_at,
               (array_agg(status ORDER BY n DESC) FILTER (WHERE happened))[1] AS last_status,
               (array_agg(duration_ms ORDER BY n DESC) FILTER (WHERE happened))[1] AS last_duration_ms,
               max(started_at) FILTER (WHERE happened) AS last_at
          FROM demo_tries GROUP BY id, message_id, endpoint_id) s`;

const INSERT_ATTEMPTS = `
INSERT INTO attempts (id, tenant_id, delivery_id, message_id, endpoint_id, number, trigger, url, started_at, duration_ms,
                      response_status, request_headers, response_headers, response_body, error_kind, error_message)
SELECT pg_temp.hl_id('att', t.started_at), $1, t.id, t.message_id, t.endpoint_id, t.n, 'scheduled', t.url, t.started_at, t.duration_ms, t.status,
       jsonb_build_object('content-type', 'application/json', 'user-agent', 'Hookline/' || $2, 'webhook-id', t.message_id,
                          'webhook-timestamp', floor(extract(epoch FROM t.started_at))::bigint::text,
                          'webhook-signature', 'v1,' || substr(encode(sha256(random()::text::bytea), 'base64'), 1, 6) || '••••••'),
       CASE WHEN t.status IS NULL THEN NULL ELSE '{"content-type": "application/json"}'::jsonb END,
       CASE WHEN t.status = 200 THEN '{"verified":true,"mode":"' || t.mode || '","message":"Signature verified."}'
            WHEN t.status IS NOT NULL THEN '{"verified":true,"mode":"flaky","message":"Signature verified; failing on purpose (flaky receiver)."}' END,
       CASE WHEN t.status IS NULL THEN 'timeout' END,
       CASE WHEN t.status IS NULL THEN 'no complete answer within ' || t.duration_ms || ' ms' END
  FROM demo_tries t WHERE t.happened`;

// The per-minute rollups of exactly the attempts above. A sample's bucket is the number of
// upper bounds below it (bucket i holds bound[i-1] < ms <= bound[i]; 50 is the overflow):
// width_bucket counts the bounds <= its operand, and durations are whole milliseconds. The
// minute rows just written are then added to their endpoint's and their tenant's hours,
// element-wise like the worker's upsert (lib/stats/upsert-endpoint-stats.ts), in case the
// worker already wrote to an hour.
const INSERT_STATS = `
WITH minutes AS (
INSERT INTO endpoint_stats (endpoint_id, minute, tenant_id, succeeded, failed, latency_sum_ms, histogram)
SELECT g.endpoint_id, g.minute, $1, g.succeeded, g.failed, g.latency_sum_ms,
       (SELECT array_agg((SELECT count(*) FROM unnest(g.buckets) AS b WHERE b = i)::int ORDER BY i) FROM generate_series(0, $3 - 1) AS i)
  FROM (SELECT endpoint_id, minute, count(*) FILTER (WHERE ok)::int AS succeeded, count(*) FILTER (WHERE NOT ok)::int AS failed,
               sum(duration_ms) AS latency_sum_ms, array_agg(bucket) AS buckets
          FROM (SELECT t.endpoint_id, date_trunc('minute', t.started_at) AS minute, t.duration_ms,
                       coalesce(t.status BETWEEN 200 AND 299, false) AS ok,
                       width_bucket(t.duration_ms - 1e-6, $2::float8[]) AS bucket
                  FROM demo_tries t WHERE t.happened) a
         GROUP BY endpoint_id, minute) g
RETURNING *
), endpoint_hours AS (
INSERT INTO endpoint_stats_hourly AS h (endpoint_id, hour, tenant_id, succeeded, failed, latency_sum_ms, histogram)
SELECT endpoint_id, date_trunc('hour', minute, 'UTC'), $1, sum(succeeded)::int, sum(failed)::int, sum(latency_sum_ms)::bigint, ${HISTOGRAM_SUM}
  FROM minutes GROUP BY 1, 2
ON CONFLICT (endpoint_id, hour, tenant_id) DO UPDATE SET
  succeeded = h.succeeded + EXCLUDED.succeeded, failed = h.failed + EXCLUDED.failed,
  latency_sum_ms = h.latency_sum_ms + EXCLUDED.latency_sum_ms, histogram = ${histogramAdd("h")}
)
INSERT INTO tenant_stats_hourly AS h (tenant_id, hour, succeeded, failed, latency_sum_ms, histogram)
SELECT $1, date_trunc('hour', minute, 'UTC'), sum(succeeded)::int, sum(failed)::int, sum(latency_sum_ms)::bigint, ${HISTOGRAM_SUM}
  FROM minutes GROUP BY 2
ON CONFLICT (tenant_id, hour) DO UPDATE SET
  succeeded = h.succeeded + EXCLUDED.succeeded, failed = h.failed + EXCLUDED.failed,
  latency_sum_ms = h.latency_sum_ms + EXCLUDED.latency_sum_ms, histogram = ${histogramAdd("h")}`;

// Health as the worker would have left it: the last success, and the run of failures after it.
const UPDATE_HEALTH = `
WITH attempts AS (
  SELECT endpoint_id, started_at, coalesce(status BETWEEN 200 AND 299, false) AS ok FROM demo_tries WHERE happened
), last_ok AS (
  SELECT endpoint_id, max(started_at) FILTER (WHERE ok) AS at FROM attempts GROUP BY endpoint_id
), failing AS (
  SELECT a.endpoint_id, count(*)::int AS failures, min(a.started_at) AS since
    FROM attempts a JOIN last_ok l USING (endpoint_id)
   WHERE NOT a.ok AND (l.at IS NULL OR a.started_at > l.at) GROUP BY a.endpoint_id
)
UPDATE endpoints e SET last_success_at = l.at, failures_since_success = coalesce(f.failures, 0), failing_since = f.since
  FROM last_ok l LEFT JOIN failing f USING (endpoint_id)
 WHERE e.id = l.endpoint_id AND e.tenant_id = $1`;

async function count(client: pg.PoolClient, table: string): Promise<number> {
  const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
  return rows[0]!.count;
}

export async function generateDemoHistory(input: HistoryInput): Promise<HistoryCounts> {
  const now = input.now ?? new Date();
  return withTransaction(async (client) => {
    await client.query(ID_FUNCTION);
    await client.query(MESSAGES, [
      input.eventTypes.map((type) => type.name),
      input.eventTypes.map((type) => JSON.stringify(type.example)),
      input.eventTypes.map((type) => type.weight),
      now,
      input.days,
      input.messagesPerMinute,
    ]);
    await client.query(INSERT_MESSAGES, [input.tenantId]);
    const firstHour = floorTo(now.getTime() - input.days * 86_400_000, HOUR_MS);
    await storeMessageCounts(client, input.tenantId, hoursBetween(firstHour, closedHoursEnd(now)), { recount: true });
    await client.query(DELIVERIES, [
      input.endpoints.map((endpoint) => endpoint.id),
      input.endpoints.map((endpoint) => endpoint.mode),
      input.endpoints.map((endpoint) => endpoint.url),
      input.endpoints.map((endpoint) => endpoint.eventTypes.join(",")),
      input.endpoints.map((endpoint) => endpoint.timeoutMs),
    ]);
    await client.query(TRIES, [input.schedule, now]);
    await client.query(INSERT_DELIVERIES, [input.tenantId]);
    await client.query(INSERT_ATTEMPTS, [input.tenantId, HOOKLINE_VERSION]);
    await client.query(INSERT_STATS, [input.tenantId, BUCKET_UPPER_BOUNDS_MS, BUCKET_COUNT]);
    await client.query(UPDATE_HEALTH, [input.tenantId]);
    return {
      messages: await count(client, "demo_messages"),
      deliveries: await count(client, "demo_deliveries"),
      attempts: await count(client, "demo_tries WHERE happened"),
    };
  });
}
