// The data set of (7): one big tenant (10 endpoints; `messages` messages over 30 days, each to 2
// endpoints; every other delivery needed a second try, 3 % failed for good: about 1.5 attempts
// per delivery) plus noise tenants of the same shape, and per-minute endpoint_stats rollups for
// every endpoint over the 30 days — all generated inside PostgreSQL with generate_series. The
// hourly rollups (per endpoint, then per tenant) are then the sums of the minute rows (as the
// worker keeps them), and every
// closed hour's message count is stored (as the workers' maintenance loop does), so readers
// see the state of a database whose workers have kept up.
// Loading is the bulk-load recipe: secondary indexes dropped and rebuilt afterwards, foreign
// keys not checked row by row (session_replication_role = replica; the generator keeps them
// consistent), then VACUUM ANALYZE — the state a long-running, autovacuumed database is in.
import type pg from "pg";
import { closedHoursEnd, hoursBetween, storeMessageCounts } from "../../lib/stats/store-message-counts";
import { BUCKET_COUNT } from "../../lib/stats/bucket-index";
import { HISTOGRAM_SUM } from "../../lib/stats/histogram-sql";
import { floorTo, HOUR_MS } from "../../lib/stats/split-range";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DAY_MS = 86_400_000;

/** SQL for a lib/ids.ts id at a time: prefix, 10 base-32 chars of milliseconds, 16 hex chars of `n`. */
function idSql(prefix: string, at: string, n: string): string {
  const ms = `(floor(extract(epoch FROM ${at}) * 1000)::bigint)`;
  const chars = Array.from(
    { length: 10 },
    (_, index) => `substr('${ALPHABET}', ((${ms} >> ${5 * (9 - index)}) & 31)::int + 1, 1)`,
  );
  return `'${prefix}_' || ${chars.join(" || ")} || lpad(upper(to_hex(${n})), 16, '0')`;
}

export interface ScaleTenant {
  id: string;
  endpointIds: string[];
  messages: number;
}

export interface ScaleCounts {
  messages: number;
  deliveries: number;
  attempts: number;
  endpointStats: number;
  endpointStatsHourly: number;
  tenantStatsHourly: number;
  messageCountHours: number;
}

const TABLES = ["messages", "deliveries", "attempts", "endpoint_stats"];

/** Secondary indexes (not those behind primary keys or unique constraints) of the big tables. */
async function secondaryIndexes(client: pg.Client): Promise<Array<{ name: string; definition: string }>> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [TABLES],
  );
  return rows;
}

/** `statsEveryMinutes`: 1 for a row per endpoint and minute (a busy endpoint); more thins them out (quick runs). */
export async function generateScaleData(
  client: pg.Client,
  tenants: ScaleTenant[],
  eventTypes: string[],
  statsEveryMinutes = 1,
  now = new Date(),
): Promise<ScaleCounts> {
  const indexes = await secondaryIndexes(client);
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  const from = new Date(now.getTime() - 30 * DAY_MS);
  let offset = 0; // keeps every generated id unique across tenants
  for (const tenant of tenants) {
    const spanMs = now.getTime() - from.getTime() - 60_000;
    // Messages: evenly spread over the 30 days (the newest a minute ago), event types in turn.
    await client.query(
      `INSERT INTO messages (id, tenant_id, event_type, payload, created_at)
       SELECT ${idSql("msg", "t.at", "t.n")}, $1, ($2::text[])[1 + t.n % cardinality($2::text[])],
              json_build_object('id', 'evt_' || t.n, 'amount', t.n % 50000, 'currency', 'eur', 'customer', json_build_object('id', 'cus_' || t.n % 5000)), t.at
         FROM (SELECT n, $3::timestamptz + (n - $5::bigint) * ($4::float8 / $6::bigint) * interval '1 millisecond' AS at
                 FROM generate_series($5::bigint, $5::bigint + $6::bigint - 1) AS n) t`,
      [tenant.id, eventTypes, from, spanMs, offset, tenant.messages],
    );
    // Deliveries: each message to two endpoints (k = 0, 1); the newest 100 still pending,
    // 3 % failed, the rest succeeded; every other delivery needed two tries.
    await client.query(
      `INSERT INTO deliveries (id, tenant_id, message_id, endpoint_id, status, attempt_count, scheduled_tries, next_attempt_at, last_status_code, last_attempt_at, created_at)
       SELECT ${idSql("dlv", "m.created_at", "(m.n * 2 + k)")}, $1, m.id, ($2::text[])[1 + (m.n + k * 3) % cardinality($2::text[])],
              (CASE WHEN m.n >= $3::bigint + $4::bigint - 100 THEN 'pending' WHEN (m.n * 2 + k) % 33 = 0 THEN 'failed' ELSE 'succeeded' END)::"DeliveryStatus",
              1 + (m.n * 2 + k) % 2, 1 + (m.n * 2 + k) % 2,
              CASE WHEN m.n >= $3::bigint + $4::bigint - 100 THEN m.created_at + interval '5 seconds' END,
              CASE WHEN (m.n * 2 + k) % 33 = 0 THEN 503 ELSE 200 END,
              m.created_at + interval '40 milliseconds', m.created_at
         FROM (SELECT id, created_at, ('x' || right(id, 16))::bit(64)::bigint AS n FROM messages WHERE tenant_id = $1) m
        CROSS JOIN generate_series(0, 1) AS k`,
      [tenant.id, tenant.endpointIds, offset, tenant.messages],
    );
    // Attempts: one per try (number 1, and 2 where attempt_count = 2); failed tries answered 503.
    await client.query(
      `INSERT INTO attempts (id, tenant_id, delivery_id, message_id, endpoint_id, number, trigger, url, started_at, duration_ms, response_status, request_headers, response_headers, response_body)
       SELECT ${idSql("att", "d.created_at + (t.number - 1) * interval '5 seconds'", "(d.n * 2 + t.number)")}, $1, d.id, d.message_id, d.endpoint_id, t.number, 'scheduled',
              'https://receiver.example/hooks', d.created_at + (t.number - 1) * interval '5 seconds', 20 + (d.n % 60),
              CASE WHEN t.number < d.attempt_count OR d.status = 'failed' THEN 503 ELSE 200 END,
              jsonb_build_object('content-type', 'application/json', 'webhook-id', d.message_id, 'webhook-signature', 'v1,abc••••••'),
              '{"content-type": "application/json"}'::jsonb, '{"ok":true}'
         FROM (SELECT id, message_id, endpoint_id, created_at, attempt_count, status, ('x' || right(id, 16))::bit(64)::bigint AS n FROM deliveries WHERE tenant_id = $1) d
         JOIN LATERAL generate_series(1, d.attempt_count) AS t(number) ON true`,
      [tenant.id],
    );
    offset += tenant.messages;
  }
  // Per-minute rollups for every endpoint over the whole range (a few tries a minute each).
  await client.query(
    `WITH shapes AS (  -- five histogram shapes, built once
       SELECT k, (SELECT array_agg(CASE WHEN b = 10 THEN 2 WHEN b = 12 THEN 1 + k ELSE 0 END ORDER BY b) FROM generate_series(0, $3 - 1) AS b) AS histogram
         FROM generate_series(0, 4) AS k
     )
     INSERT INTO endpoint_stats (endpoint_id, minute, tenant_id, succeeded, failed, latency_sum_ms, histogram)
     SELECT e.id, m.minute, e.tenant_id, 3 + s.k, (extract(minute FROM m.minute)::int % 7 = 0)::int, (3 + s.k) * 45, s.histogram
       FROM endpoints e
      CROSS JOIN generate_series(date_trunc('minute', $1::timestamptz), date_trunc('minute', $2::timestamptz), make_interval(mins => $5)) AS m(minute)
       JOIN shapes s ON s.k = extract(minute FROM m.minute)::int % 5
      WHERE e.tenant_id = ANY($4)`,
    [from, now, BUCKET_COUNT, tenants.map((tenant) => tenant.id), statsEveryMinutes],
  );
  await client.query(
    `INSERT INTO endpoint_stats_hourly (endpoint_id, hour, tenant_id, succeeded, failed, latency_sum_ms, histogram)
     SELECT endpoint_id, date_trunc('hour', minute, 'UTC'), min(tenant_id), sum(succeeded)::int, sum(failed)::int, sum(latency_sum_ms)::bigint, ${HISTOGRAM_SUM}
       FROM endpoint_stats WHERE tenant_id = ANY($1) GROUP BY 1, 2`,
    [tenants.map((tenant) => tenant.id)],
  );
  await client.query(
    `INSERT INTO tenant_stats_hourly (tenant_id, hour, succeeded, failed, latency_sum_ms, histogram)
     SELECT tenant_id, hour, sum(succeeded)::int, sum(failed)::int, sum(latency_sum_ms)::bigint, ${HISTOGRAM_SUM}
       FROM endpoint_stats_hourly WHERE tenant_id = ANY($1) GROUP BY 1, 2`,
    [tenants.map((tenant) => tenant.id)],
  );
  await client.query(`SET session_replication_role = DEFAULT`);
  for (const index of indexes) await client.query(index.definition);
  await client.query(`VACUUM ANALYZE`);
  // Counted through the (tenant_id, id) index, hence after it is rebuilt and the table vacuumed.
  const closedHours = hoursBetween(floorTo(from.getTime(), HOUR_MS), closedHoursEnd(now));
  for (const tenant of tenants) await storeMessageCounts(client, tenant.id, closedHours, { recount: true });
  await client.query(`VACUUM ANALYZE message_counts_hourly`);
  const count = async (table: string) =>
    (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  return {
    messages: await count("messages"),
    deliveries: await count("deliveries"),
    attempts: await count("attempts"),
    endpointStats: await count("endpoint_stats"),
    endpointStatsHourly: await count("endpoint_stats_hourly"),
    tenantStatsHourly: await count("tenant_stats_hourly"),
    messageCountHours: await count("message_counts_hourly"),
  };
}
