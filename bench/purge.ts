// (13) Purge: one day past retention, 1,000,000 messages (100,000 with --quick), each with one
// delivery and one attempt (an attempt row as the worker stores it: masked request headers, a
// short response body), written into that day's partitions. The same data, cloned, is purged
// twice by lib/retention/purge-expired-data.ts: once with row-by-row DELETE batches (5,000 rows
// a statement, as the purge did before partitions and still does for a tenant with a shorter
// retention than the longest), once by dropping the day's partitions. Each reports wall time
// and the WAL written (pg_current_wal_lsn() before and after); the DELETE path also the VACUUM
// that its dead rows then cost (autovacuum would run it), the drop path has none.
// Opt-in (`npm run bench -- --only purge`): the full size writes a few GB.
import pg from "pg";
import type { BenchContext } from "./lib/context";
import { switchDatabase } from "./lib/harness";
import type { BenchOutcome, Row } from "./lib/report";

const DAY = 86_400_000;
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TENANT = "tnt_01PURGE000000000000000000";
const ENDPOINT = "ep_01PURGE000000000000000000";

/** SQL for a lib/ids.ts id of `prefix` at epoch milliseconds `ms`, made unique by `n`. */
function idSql(prefix: string, ms: string, n: string): string {
  const time = Array.from(
    { length: 10 },
    (_, index) => `substr('${ALPHABET}', ((${ms} >> ${5 * (9 - index)}) & 31)::int + 1, 1)`,
  ).join(" || ");
  return `'${prefix}_' || ${time} || lpad(upper(to_hex(${n})), 16, '0')`;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The day's rows, spread evenly over the day (40 days ago; the tenant keeps 30). */
async function generate(client: pg.Client, messages: number, dayStart: number): Promise<void> {
  const step = Math.floor(DAY / messages) || 1;
  const ms = `(${dayStart}::bigint + g * ${step})`;
  await client.query(`INSERT INTO tenants (id, name, retention_days, updated_at) VALUES ($1, 'purge', 30, now())`, [
    TENANT,
  ]);
  await client.query(
    `INSERT INTO endpoints (id, tenant_id, url, secret_enc, updated_at) VALUES ($1, $2, 'http://127.0.0.1:9/hook', 'x', now())`,
    [ENDPOINT, TENANT],
  );
  for (let start = 0; start < messages; start += 100_000) {
    const end = Math.min(messages, start + 100_000) - 1;
    await client.query(
      `WITH rows AS (SELECT g, ${ms} AS ms, to_timestamp(${ms} / 1000.0) AS at FROM generate_series(${start}, ${end}) g),
       m AS (INSERT INTO messages (id, tenant_id, event_type, payload, created_at)
             SELECT ${idSql("msg", "ms", "g")}, $1, 'invoice.paid',
                    ('{"id":"evt_' || g || '","amount":4200,"currency":"eur","customer":{"id":"cus_42","email":"ada@example.com"}}')::json, at
               FROM rows),
       d AS (INSERT INTO deliveries (id, tenant_id, message_id, endpoint_id, status, attempt_count, scheduled_tries, next_attempt_at, last_status_code, last_attempt_at, created_at)
             SELECT ${idSql("dlv", "ms", "g")}, $1, ${idSql("msg", "ms", "g")}, $2, 'succeeded', 1, 1, NULL, 200, at, at FROM rows)
       INSERT INTO attempts (id, tenant_id, delivery_id, message_id, endpoint_id, number, trigger, url, started_at, duration_ms,
                             response_status, request_headers, response_headers, response_body)
       SELECT ${idSql("att", "(ms + 40)", "g")}, $1, ${idSql("dlv", "ms", "g")}, ${idSql("msg", "ms", "g")}, $2, 1, 'scheduled',
              'http://127.0.0.1:9/hook', at + interval '40 milliseconds', 38, 200,
              jsonb_build_object('content-type', 'application/json', 'user-agent', 'Hookline/0.1.0', 'webhook-id', ${idSql("msg", "ms", "g")},
                                 'webhook-timestamp', (ms / 1000)::text, 'webhook-signature', 'v1,••••••'),
              '{"content-type": "application/json"}'::jsonb, '{"received":true}'
         FROM rows`,
      [TENANT, ENDPOINT],
    );
  }
}

async function measure(url: string, dropPartitions: boolean) {
  const { purgeExpiredData } = await import("../lib/retention/purge-expired-data");
  await switchDatabase(url);
  return withClient(url, async (client) => {
    const lsn = async () =>
      (await client.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`)).rows[0]!.lsn;
    const walSince = async (from: string) =>
      Number(
        (
          await client.query<{ bytes: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::bigint AS bytes`, [
            from,
          ])
        ).rows[0]!.bytes,
      );
    await client.query("CHECKPOINT");
    const before = await lsn();
    const started = performance.now();
    const result = await purgeExpiredData({ statsRetentionDays: 400, budgetMs: 3_600_000, dropPartitions });
    const seconds = (performance.now() - started) / 1000;
    const wal = await walSince(before);
    const left = (
      await client.query<{ n: number }>(
        `SELECT ((SELECT count(*) FROM messages) + (SELECT count(*) FROM deliveries) + (SELECT count(*) FROM attempts))::int AS n`,
      )
    ).rows[0]!.n;
    let vacuum: { seconds: number; wal: number } | undefined;
    if (!dropPartitions) {
      const vacuumBefore = await lsn();
      const vacuumStarted = performance.now();
      await client.query("VACUUM messages, deliveries, attempts");
      vacuum = { seconds: (performance.now() - vacuumStarted) / 1000, wal: await walSince(vacuumBefore) };
    }
    return { result, seconds, wal, left, vacuum };
  });
}

export async function purge(ctx: BenchContext): Promise<BenchOutcome> {
  const messages = ctx.quick ? 100_000 : 1_000_000;
  const bench = "13 purge";
  const dayStart = Math.floor(Date.now() / DAY) * DAY - 40 * DAY;
  const source = await ctx.postgres.createDatabase("purge_source");
  const { ensurePartitions } = await import("../lib/database/partitions");
  await switchDatabase(source);
  await ensurePartitions({ partitionDays: 1, aheadDays: 0, now: new Date(dayStart + DAY / 2) });
  const generating = performance.now();
  const size = await withClient(source, async (client) => {
    await generate(client, messages, dayStart);
    await client.query("VACUUM ANALYZE messages, deliveries, attempts");
    const { rows } = await client.query<{ bytes: string; stray: number }>(
      `SELECT (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid
                WHERE i.inhparent IN ('messages'::regclass, 'deliveries'::regclass, 'attempts'::regclass))::bigint AS bytes,
              ((SELECT count(*) FROM messages_default) + (SELECT count(*) FROM deliveries_default) + (SELECT count(*) FROM attempts_default))::int AS stray`,
    );
    if (rows[0]!.stray) throw new Error(`${rows[0]!.stray} rows landed outside the day's partitions`);
    return Number(rows[0]!.bytes);
  });
  ctx.log(
    `  ${messages.toLocaleString("en-US")} messages, deliveries and attempts (${(size / 2 ** 20).toFixed(0)} MB) generated in ${((performance.now() - generating) / 1000).toFixed(0)} s`,
  );
  await switchDatabase(ctx.postgres.adminUrl);
  const viaDrop = await ctx.postgres.createDatabase("purge_drop", "purge_source");
  const viaDelete = await ctx.postgres.createDatabase("purge_delete", "purge_source");
  await ctx.postgres.dropDatabase("purge_source");

  const deleted = await measure(viaDelete, false);
  ctx.log(`  DELETE batches: ${deleted.seconds.toFixed(1)} s, ${(deleted.wal / 2 ** 20).toFixed(0)} MB of WAL`);
  const dropped = await measure(viaDrop, true);
  ctx.log(`  partition drop: ${dropped.seconds.toFixed(2)} s, ${(dropped.wal / 2 ** 10).toFixed(0)} kB of WAL`);
  await switchDatabase(ctx.postgres.adminUrl);
  for (const name of ["purge_drop", "purge_delete"]) await ctx.postgres.dropDatabase(name);
  for (const [how, outcome] of [
    ["DELETE", deleted],
    ["drop", dropped],
  ] as const)
    if (outcome.left !== 0) throw new Error(`${how}: ${outcome.left} rows left after the purge`);

  const note = `${messages.toLocaleString("en-US")} messages + as many deliveries and attempts, ${(size / 2 ** 20).toFixed(0)} MB`;
  const rows: Row[] = [
    { bench, name: "a day's purge by DELETE batches: wall time", value: deleted.seconds, unit: "s", note },
    { bench, name: "a day's purge by DELETE batches: WAL", value: deleted.wal / 2 ** 20, unit: "MB" },
    { bench, name: "VACUUM after the DELETE batches: wall time", value: deleted.vacuum!.seconds, unit: "s" },
    { bench, name: "VACUUM after the DELETE batches: WAL", value: deleted.vacuum!.wal / 2 ** 20, unit: "MB" },
    {
      bench,
      name: "a day's purge by partition drop: wall time",
      value: dropped.seconds,
      unit: "s",
      note: `${dropped.result.droppedPartitions.length} partitions dropped`,
    },
    { bench, name: "a day's purge by partition drop: WAL", value: dropped.wal / 2 ** 10, unit: "kB" },
  ];
  return {
    rows,
    details: { messages, bytes: size, deleted, dropped },
  };
}
