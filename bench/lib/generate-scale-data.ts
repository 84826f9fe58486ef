// The data set of (7): one big tenant (10 endpoints; `messages` messages over 30 days, each to 2
// endpoints; every other delivery needed a second try, 3 % failed for good: about 1.5 attempts
// per delivery; every message in one of 20 channels, every 1,000th tagged) plus small tenants of
// the same shape, and endpoint_stats rollups for every endpoint over the 30 days — all generated
// inside PostgreSQL with generate_series. The hourly rollups (per endpoint, then per tenant) are
// then the sums of the minute rows (as the worker keeps them), and every closed hour's message
// count is stored (as the workers' maintenance loop does), so readers see the state of a
// database whose workers have kept up.
//
// Loading is the bulk-load recipe: secondary indexes dropped and rebuilt afterwards, foreign
// keys not checked row by row (session_replication_role = replica; the generator keeps them
// consistent), then VACUUM ANALYZE — the state a long-running, autovacuumed database is in.
// The rows are written in one transaction that first TRUNCATEs the (empty) tables: on a server
// with wal_level=minimal (the --scale runs) PostgreSQL then writes no WAL for them. A big
// tenant is written a day at a time (one statement writes a day's messages, deliveries,
// attempts and labels from one generate_series), so memory stays bounded and progress shows.
// The partitioned tables (messages, deliveries, attempts) get a partition for every day of the
// range first, as the workers' maintenance would have created them day after day.
import type pg from "pg";
import { listPartitions, PARTITIONED_TABLES, partitionName, slotStart } from "../../lib/database/partitions";
import { env } from "../../lib/env";
import { idFloorAt } from "../../lib/ids";
import { closedHoursEnd, hoursBetween, storeMessageCounts } from "../../lib/stats/store-message-counts";
import { BUCKET_COUNT } from "../../lib/stats/bucket-index";
import { HISTOGRAM_SUM } from "../../lib/stats/histogram-sql";
import { floorTo, HOUR_MS } from "../../lib/stats/split-range";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DAY_MS = 86_400_000;
const DAYS = 30;

/** SQL for the 10 base-32 time characters of a lib/ids.ts id, from epoch milliseconds (a bigint expression). */
function timeCharsSql(ms: string): string {
  return Array.from(
    { length: 10 },
    (_, index) => `substr('${ALPHABET}', ((${ms} >> ${5 * (9 - index)}) & 31)::int + 1, 1)`,
  ).join(" || ");
}

/** SQL for a lib/ids.ts id: prefix, time characters (a column), 16 hex chars of `n`. */
const idSql = (prefix: string, timeChars: string, n: string) =>
  `'${prefix}_' || ${timeChars} || lpad(upper(to_hex(${n})), 16, '0')`;

export interface ScaleTenant {
  id: string;
  endpointIds: string[];
  messages: number;
  /** 1: an endpoint_stats row per endpoint and minute (a busy endpoint); more thins them out. */
  statsEveryMinutes: number;
  /** Channels and tags for its messages (message_labels). */
  labels?: boolean;
}

export interface ScaleCounts {
  messages: number;
  deliveries: number;
  attempts: number;
  messageLabels: number;
  endpointStats: number;
  endpointStatsHourly: number;
  tenantStatsHourly: number;
  messageCountHours: number;
}

export interface ScalePhases {
  /** Seconds spent writing rows, rebuilding indexes, in VACUUM ANALYZE, counting closed hours. */
  rows: number;
  indexes: number;
  vacuum: number;
  messageCounts: number;
}

const TABLES = ["messages", "deliveries", "attempts", "message_labels", "endpoint_stats"];

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

/**
 * Messages n in [lo, hi) of a tenant whose messages are n in [first, first + count), evenly spread
 * over [from, from + span], with their deliveries, attempts and (`labels`) channels and tags.
 */
async function writeMessages(
  client: pg.Client,
  tenant: ScaleTenant,
  eventTypes: string[],
  from: Date,
  spanMs: number,
  first: number,
  lo: number,
  hi: number,
): Promise<void> {
  const labels = tenant.labels
    ? `, labels AS (
         INSERT INTO message_labels (tenant_id, kind, value, message_id)
         SELECT $1, 'channel', 'ch-' || (abs(hashtext(message_id)) % 20), message_id FROM src
         UNION ALL
         SELECT $1, 'tag', 'rare', message_id FROM src WHERE abs(hashtext(message_id)) % 1000 = 7
       )`
    : "";
  await client.query(
    `WITH src AS MATERIALIZED (
       SELECT n, at, ${idSql("msg", "tc", "n")} AS message_id, tc, tc5
         FROM (SELECT n, at, ${timeCharsSql("ms")} AS tc, ${timeCharsSql("(ms + 5000)")} AS tc5
                 FROM (SELECT n, at, floor(extract(epoch FROM at) * 1000)::bigint AS ms
                         FROM (SELECT n, $4::timestamptz + (n - $6::bigint) * ($5::float8 / $7::bigint) * interval '1 millisecond' AS at
                                 FROM generate_series($8::bigint, $9::bigint - 1) AS n) t) t) t
     ),
     -- Messages: the newest a minute ago, event types in turn.
     messages_written AS (
       INSERT INTO messages (id, tenant_id, event_type, payload, created_at)
       SELECT message_id, $1, ($3::text[])[1 + n % cardinality($3::text[])],
              json_build_object('id', 'evt_' || n, 'amount', n % 50000, 'currency', 'eur', 'customer', json_build_object('id', 'cus_' || n % 5000)), at
         FROM src
     ),
     -- Deliveries: each message to two endpoints (k = 0, 1); the newest 100 still pending,
     -- 3 % failed, the rest succeeded; every other delivery needed two tries.
     d AS MATERIALIZED (
       SELECT src.*, dn, ${idSql("dlv", "tc", "dn")} AS delivery_id, ($2::text[])[1 + (n + k * 3) % cardinality($2::text[])] AS endpoint_id,
              (CASE WHEN n >= $6::bigint + $7::bigint - 100 THEN 'pending' WHEN dn % 33 = 0 THEN 'failed' ELSE 'succeeded' END)::"DeliveryStatus" AS status,
              (1 + dn % 2)::int AS attempt_count
         FROM src CROSS JOIN generate_series(0, 1) AS k CROSS JOIN LATERAL (SELECT n * 2 + k AS dn) x
     ),
     deliveries_written AS (
       INSERT INTO deliveries (id, tenant_id, message_id, endpoint_id, status, attempt_count, scheduled_tries, next_attempt_at, last_status_code, last_attempt_at, created_at)
       SELECT delivery_id, $1, message_id, endpoint_id, status, attempt_count, attempt_count,
              CASE WHEN status = 'pending' THEN at + interval '5 seconds' END,
              CASE WHEN status = 'failed' THEN 503 ELSE 200 END, at + interval '40 milliseconds', at
         FROM d
     )${labels}
     -- Attempts: one per try (number 1, and 2 five seconds later where attempt_count = 2);
     -- failed tries answered 503.
     INSERT INTO attempts (id, tenant_id, delivery_id, message_id, endpoint_id, number, trigger, url, started_at, duration_ms, response_status, request_headers, response_headers, response_body)
     SELECT ${idSql("att", "CASE WHEN a.number = 1 THEN d.tc ELSE d.tc5 END", "(d.dn * 2 + a.number)")}, $1, d.delivery_id, d.message_id, d.endpoint_id, a.number, 'scheduled',
            'https://receiver.example/hooks', d.at + (a.number - 1) * interval '5 seconds', 20 + (d.dn % 60),
            CASE WHEN a.number < d.attempt_count OR d.status = 'failed' THEN 503 ELSE 200 END,
            jsonb_build_object('content-type', 'application/json', 'webhook-id', d.message_id, 'webhook-signature', 'v1,abc••••••'),
            '{"content-type": "application/json"}'::jsonb, '{"ok":true}'
       FROM d JOIN LATERAL generate_series(1, d.attempt_count) AS a(number) ON true`,
    [tenant.id, tenant.endpointIds, eventTypes, from, spanMs, first, tenant.messages, lo, hi],
  );
}

/**
 * The partitions of every slot from `from`'s to `to`'s that no range partition covers yet
 * (HOOKLINE_PARTITION_DAYS each, named and bounded as lib/database/partitions.ts does).
 */
async function createPartitions(client: pg.Client, from: Date, to: Date): Promise<number> {
  const days = env().HOOKLINE_PARTITION_DAYS;
  let created = 0;
  for (const { table, kind } of PARTITIONED_TABLES) {
    const existing = (await listPartitions(client, table)).filter((partition) => partition.from && partition.to);
    for (let slot = slotStart(from.getTime(), days); slot <= to.getTime(); slot += days * DAY_MS) {
      const start = new Date(slot);
      const end = new Date(slot + days * DAY_MS);
      if (existing.some((partition) => partition.from! < end && partition.to! > start)) continue;
      await client.query(
        `CREATE TABLE ${client.escapeIdentifier(partitionName(table, start))} PARTITION OF ${client.escapeIdentifier(table)}
           FOR VALUES FROM (${client.escapeLiteral(idFloorAt(kind, start))}) TO (${client.escapeLiteral(idFloorAt(kind, end))})`,
      );
      created++;
    }
  }
  return created;
}

export interface GenerateOptions {
  now?: Date;
  /** Progress lines (a big tenant's days, index builds). */
  log?: (line: string) => void;
}

export async function generateScaleData(
  client: pg.Client,
  tenants: ScaleTenant[],
  eventTypes: string[],
  { now = new Date(), log = () => undefined }: GenerateOptions = {},
): Promise<{ counts: ScaleCounts; phases: ScalePhases }> {
  const clock = performance.now();
  const seconds = (since: number) => (performance.now() - since) / 1000;
  const indexes = await secondaryIndexes(client);
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(`SET work_mem = '256MB'`);
  const from = new Date(now.getTime() - DAYS * DAY_MS);
  const spanMs = now.getTime() - from.getTime() - 60_000;
  const tenantIds = tenants.map((tenant) => tenant.id);
  const total = tenants.reduce((sum, tenant) => sum + tenant.messages, 0);
  await client.query("BEGIN");
  try {
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
    const partitions = await createPartitions(client, from, now);
    if (partitions) log(`  ${partitions} partitions created`);
    await client.query(`TRUNCATE ${TABLES.join(", ")}`);
    let offset = 0; // keeps every generated id unique across tenants
    let written = 0;
    for (const tenant of tenants) {
      // A day at a time for a big tenant; a small one in one statement.
      const chunks = tenant.messages >= 100_000 ? DAYS : 1;
      for (let chunk = 0; chunk < chunks; chunk++) {
        const lo = offset + Math.floor((tenant.messages * chunk) / chunks);
        const hi = offset + Math.floor((tenant.messages * (chunk + 1)) / chunks);
        await writeMessages(client, tenant, eventTypes, from, spanMs, offset, lo, hi);
        written += hi - lo;
        if (chunks > 1) {
          const elapsed = seconds(clock);
          log(
            `  day ${chunk + 1}/${chunks}: ${written.toLocaleString("en-US")}/${total.toLocaleString("en-US")} messages in ${elapsed.toFixed(0)} s (rows done in ~${((elapsed * (total - written)) / written).toFixed(0)} s more)`,
          );
        }
      }
      offset += tenant.messages;
    }
    // Rollups for every endpoint over the whole range (a few tries a minute each).
    for (const every of new Set(tenants.map((tenant) => tenant.statsEveryMinutes)))
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
        [
          from,
          now,
          BUCKET_COUNT,
          tenants.filter((tenant) => tenant.statsEveryMinutes === every).map((tenant) => tenant.id),
          every,
        ],
      );
    await client.query(
      `INSERT INTO endpoint_stats_hourly (endpoint_id, hour, tenant_id, succeeded, failed, latency_sum_ms, histogram)
       SELECT endpoint_id, date_trunc('hour', minute, 'UTC'), min(tenant_id), sum(succeeded)::int, sum(failed)::int, sum(latency_sum_ms)::bigint, ${HISTOGRAM_SUM}
         FROM endpoint_stats WHERE tenant_id = ANY($1) GROUP BY 1, 2`,
      [tenantIds],
    );
    await client.query(
      `INSERT INTO tenant_stats_hourly (tenant_id, hour, succeeded, failed, latency_sum_ms, histogram)
       SELECT tenant_id, hour, sum(succeeded)::int, sum(failed)::int, sum(latency_sum_ms)::bigint, ${HISTOGRAM_SUM}
         FROM endpoint_stats_hourly WHERE tenant_id = ANY($1) GROUP BY 1, 2`,
      [tenantIds],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  await client.query(`SET session_replication_role = DEFAULT`);
  const rowsSeconds = seconds(clock);
  log(`  rows written in ${rowsSeconds.toFixed(0)} s; rebuilding ${indexes.length} indexes`);
  const indexesStarted = performance.now();
  for (const index of indexes) {
    const started = performance.now();
    // A partitioned table's index reads back as CREATE INDEX … ON ONLY, which makes an empty,
    // invalid parent index and none on the partitions: without ONLY it is built on every partition.
    await client.query(index.definition.replace(/ ON ONLY /, " ON "));
    log(`  ${index.name} in ${seconds(started).toFixed(0)} s`);
  }
  const indexesSeconds = seconds(indexesStarted);
  const vacuumStarted = performance.now();
  await client.query(`VACUUM ANALYZE`);
  const vacuumSeconds = seconds(vacuumStarted);
  log(`  VACUUM ANALYZE in ${vacuumSeconds.toFixed(0)} s`);
  // Counted through the (tenant_id, id) index, hence after it is rebuilt and the table vacuumed.
  const countsStarted = performance.now();
  const closedHours = hoursBetween(floorTo(from.getTime(), HOUR_MS), closedHoursEnd(now));
  for (const tenant of tenants) await storeMessageCounts(client, tenant.id, closedHours, { recount: true });
  await client.query(`VACUUM ANALYZE message_counts_hourly`);
  const messageCountsSeconds = seconds(countsStarted);
  const count = async (table: string) =>
    (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  return {
    counts: {
      messages: await count("messages"),
      deliveries: await count("deliveries"),
      attempts: await count("attempts"),
      messageLabels: await count("message_labels"),
      endpointStats: await count("endpoint_stats"),
      endpointStatsHourly: await count("endpoint_stats_hourly"),
      tenantStatsHourly: await count("tenant_stats_hourly"),
      messageCountHours: await count("message_counts_hourly"),
    },
    phases: { rows: rowsSeconds, indexes: indexesSeconds, vacuum: vacuumSeconds, messageCounts: messageCountsSeconds },
  };
}
