// (7) Queries at scale: the dashboard's API calls against a generated tenant of 1,000,000
// messages and ~3,000,000 attempts over 30 days (plus 3 noise tenants of 30,000 messages), or,
// with `--scale 10m`, 10,000,000 messages and ~30,000,000 attempts plus 100 small tenants. Each
// call is the one lib/ function its route handler calls, with the query parsed by the route's own
// zod schema, timed in this process (Prisma and pg included, HTTP not). Every SQL statement a call
// makes is captured and kept with its EXPLAIN (ANALYZE, BUFFERS) in the results file, with the
// data set's size on disk (database and per table).
import { statfsSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { EVENT_TYPE, type BenchContext } from "./lib/context";
import { generateScaleData, type ScaleTenant } from "./lib/generate-scale-data";
import { switchDatabase } from "./lib/harness";
import { summarize, type BenchOutcome, type Row } from "./lib/report";

const HOUR = 3_600_000;

interface Captured {
  text: string;
  values: unknown[];
}

/** Records the statements every pg client of this process sends while `capture` is set. */
let capture: Captured[] | undefined;
const originalQuery = pg.Client.prototype.query;
function installCapture(): () => void {
  const patched = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args;
    if (capture) {
      if (typeof config === "string") capture.push({ text: config, values: Array.isArray(values) ? values : [] });
      else if (config && typeof config === "object" && "text" in config) {
        const query = config as { text: string; values?: unknown[] };
        capture.push({ text: query.text, values: query.values ?? (Array.isArray(values) ? values : []) });
      }
    }
    return (originalQuery as (...rest: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = patched as typeof pg.Client.prototype.query;
  return () => {
    pg.Client.prototype.query = originalQuery;
  };
}

const GB = 2 ** 30;
/**
 * Disk a generated message takes with its 2 deliveries, ~3 attempts, labels and indexes: measured
 * at --scale 1m (6.6 GB for 1,500,000 messages, 0.7 GB of it endpoint stats), rounded up for the
 * load's temporary files.
 */
const BYTES_PER_MESSAGE = 4_200;
/** Free disk a --scale run leaves to everyone else on the machine, or it does not start. */
const SPARE_BYTES = 15 * GB;

/** The data set: the big tenant's messages, and the small tenants beside it. */
function shape(ctx: BenchContext): {
  bigMessages: number;
  small: Array<{ messages: number; endpoints: number }>;
  statsEvery: number;
  smallStatsEvery: number;
} {
  if (ctx.scale)
    return {
      bigMessages: ctx.scale,
      small: Array.from({ length: 100 }, () => ({ messages: 5_000, endpoints: 2 })),
      statsEvery: 1,
      smallStatsEvery: 10, // a small tenant sends a message every ~9 minutes
    };
  const noise = ctx.quick ? 2_000 : 30_000;
  const every = ctx.quick ? 10 : 1;
  return {
    bigMessages: ctx.quick ? 20_000 : 1_000_000,
    small: Array.from({ length: 3 }, () => ({ messages: noise, endpoints: 2 })),
    statsEvery: every,
    smallStatsEvery: every,
  };
}

export async function queries(ctx: BenchContext): Promise<BenchOutcome> {
  const { bigMessages, small, statsEvery, smallStatsEvery } = shape(ctx);
  const totalMessages = bigMessages + small.reduce((sum, tenant) => sum + tenant.messages, 0);
  if (ctx.scale) {
    const disk = statfsSync(os.tmpdir());
    const free = disk.bavail * disk.bsize;
    const needed = totalMessages * BYTES_PER_MESSAGE;
    ctx.log(
      `  ${os.tmpdir()}: ${(free / GB).toFixed(1)} GB free; the data set needs about ${(needed / GB).toFixed(1)} GB, and ${SPARE_BYTES / GB} GB stay free`,
    );
    if (free - needed < SPARE_BYTES)
      throw new Error(
        `not enough disk in ${os.tmpdir()}: ${(free / GB).toFixed(1)} GB free, about ${(needed / GB).toFixed(1)} GB needed plus ${SPARE_BYTES / GB} GB to spare (TMPDIR picks another disk)`,
      );
  }
  const url = await ctx.postgres.createDatabase("queries");
  await switchDatabase(url);
  const { db } = await import("../lib/db");
  const { createEndpoint } = await import("../lib/endpoints/create-endpoint");
  const { createEventType } = await import("../lib/event-types/create-event-type");
  const eventTypes = ["a", "b", "c", "d", "e", "f", "g", "h"].map((letter) => `${EVENT_TYPE}.${letter}`);
  for (const name of eventTypes) await createEventType({ name });
  const tenants: ScaleTenant[] = [];
  const specs = [
    { messages: bigMessages, endpoints: 10, statsEveryMinutes: statsEvery, labels: true },
    ...small.map((tenant) => ({ ...tenant, statsEveryMinutes: smallStatsEvery, labels: false })),
  ];
  for (const [index, { messages, endpoints: endpointCount, statsEveryMinutes, labels }] of specs.entries()) {
    const tenant = await db().tenant.create({
      data: { id: `tnt_01BENCHQ${String(index).padStart(3, "0")}${"0".repeat(15)}`, name: `bench ${index}` },
    });
    const endpointIds: string[] = [];
    for (let endpoint = 0; endpoint < endpointCount; endpoint++)
      endpointIds.push(
        (await createEndpoint(null, tenant.id, { url: `${ctx.receiver.url}/q${index}/${endpoint}` })).id,
      );
    tenants.push({ id: tenant.id, endpointIds, messages, statsEveryMinutes, labels });
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const generationStarted = performance.now();
  ctx.log(
    `  generating ${bigMessages.toLocaleString("en-US")} + ${small.length} × ${small[0]!.messages.toLocaleString("en-US")} messages`,
  );
  // Channels and tags of the big tenant's messages (message_labels, what publishing writes):
  // every message in one of 20 channels (5 % each), every 1,000th tagged "rare" (0.1 %).
  const { counts, phases } = await generateScaleData(client, tenants, eventTypes, { log: ctx.log });
  const generationSeconds = (performance.now() - generationStarted) / 1000;
  ctx.log(`  generated ${JSON.stringify(counts)} in ${generationSeconds.toFixed(0)} s (${JSON.stringify(phases)})`);
  const sizes = await dataSize(client);
  ctx.log(`  on disk: ${JSON.stringify(sizes)}`);
  const big = tenants[0]!;
  await client.query(
    `UPDATE endpoints SET failing_since = now() - interval '1 hour', failures_since_success = 5 WHERE id = $1`,
    [big.endpointIds[3]],
  );
  const pick = async (offset: number) =>
    (
      await client.query<{ id: string }>(
        `SELECT id FROM messages WHERE tenant_id = $1 ORDER BY id DESC OFFSET $2 LIMIT 1`,
        [big.id, offset],
      )
    ).rows[0]!.id;
  const deepCursor = await pick(Math.floor(bigMessages / 2));
  const detailId = await pick(Math.floor(bigMessages / 3));

  const { listMessages, getMessage, listAttempts } = await import("../lib/messages");
  const { getEndpointStatsFor } = await import("../lib/endpoints/endpoint-stats");
  const { listEndpoints } = await import("../lib/endpoints/list-endpoints");
  const { getTenantStats } = await import("../lib/stats/get-tenant-stats");
  const { ZListMessagesQuery, ZListAttemptsQuery } = await import("../lib/schemas/messages");
  const { ZEndpointStatsQuery, ZListEndpointsQuery } = await import("../lib/schemas/endpoints");
  const { ZTenantStatsQuery } = await import("../lib/schemas/stats");
  const now = Date.now();
  const since = (ms: number) => new Date(Math.floor(now / 60_000) * 60_000 + 60_000 - ms).toISOString();
  const list = (query: Record<string, unknown>) => () => listMessages(big.id, ZListMessagesQuery.parse(query));
  const endpointStats = (ms: number, granularity: string) => () =>
    getEndpointStatsFor(big.id, big.endpointIds[0]!, ZEndpointStatsQuery.parse({ from: since(ms), granularity }));
  const tenantStats = (ms: number, granularity: string) => () =>
    getTenantStats(big.id, ZTenantStatsQuery.parse({ from: since(ms), granularity }));
  const calls: Array<[string, () => Promise<unknown>]> = [
    ["message list, first page", list({})],
    ["message list, deep cursor (15 days back)", list({ cursor: deepCursor })],
    ["message list, filter event type", list({ eventType: eventTypes[2] })],
    ["message list, filter channel (5 % of messages)", list({ channel: "ch-3" })],
    ["message list, filter tag (0.1 % of messages)", list({ tag: "rare" })],
    ["message list, filter status failed", list({ status: "failed" })],
    ["message list, filter endpoint", list({ endpointId: big.endpointIds[1] })],
    ["message list, filter endpoint + status failed", list({ endpointId: big.endpointIds[1], status: "failed" })],
    [
      "message list, filter time range (a day, 10 days back)",
      list({ from: since(11 * 24 * HOUR), to: since(10 * 24 * HOUR) }),
    ],
    [
      "message detail with attempts",
      () =>
        Promise.all([
          getMessage(big.id, detailId),
          listAttempts(big.id, detailId, ZListAttemptsQuery.parse({ limit: 250 })),
        ]),
    ],
    ["endpoint stats 1 h (by minute)", endpointStats(HOUR, "minute")],
    ["endpoint stats 24 h (by hour)", endpointStats(24 * HOUR, "hour")],
    ["endpoint stats 30 d (by day)", endpointStats(30 * 24 * HOUR, "day")],
    ["tenant overview 24 h (by hour)", tenantStats(24 * HOUR, "hour")],
    ["tenant overview 30 d (by day)", tenantStats(30 * 24 * HOUR, "day")],
    ["tenant overview live queue (5 min)", tenantStats(5 * 60_000, "minute")],
    [
      "tenant overview failing endpoints",
      () => listEndpoints(big.id, ZListEndpointsQuery.parse({ status: "failing", limit: 5 })),
    ],
  ];
  const runs = ctx.quick ? 10 : 30;
  const rows: Row[] = [];
  const explained: Record<string, unknown> = {};
  const restore = installCapture();
  try {
    for (const [name, call] of calls) {
      await call();
      await call();
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        await call();
        samples.push(performance.now() - started);
      }
      const timing = summarize(samples);
      rows.push({
        bench: "7 queries at scale",
        name: `${name}: p95`,
        value: timing.p95,
        unit: "ms",
        target: { op: "<", value: 50 },
        note: `p50 ${timing.p50.toFixed(1)} ms, ${runs} runs`,
      });
      capture = [];
      await call();
      const statements = capture;
      capture = undefined;
      const plans = [];
      for (const statement of statements) {
        if (!/^\s*(SELECT|WITH)/i.test(statement.text)) continue;
        const { rows: plan } = await client.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
          statement.values,
        );
        plans.push({
          sql: statement.text,
          values: statement.values,
          plan: plan.map((line) => line["QUERY PLAN"]).join("\n"),
        });
      }
      explained[name] = { p50: timing.p50, p95: timing.p95, max: timing.max, statements: plans };
    }
  } finally {
    capture = undefined;
    restore();
    await client.end();
    await switchDatabase(ctx.postgres.adminUrl);
    if (!process.env.BENCH_HOLD) await ctx.postgres.dropDatabase("queries");
  }
  const n = (value: number) => value.toLocaleString("en-US");
  rows.unshift(
    {
      bench: "7 queries at scale",
      name: "data set generated (SQL generate_series)",
      value: generationSeconds,
      unit: "s",
      note: `${n(counts.messages)} messages, ${n(counts.deliveries)} deliveries, ${n(counts.attempts)} attempts, ${n(counts.endpointStats)} stats rows; big tenant ${n(bigMessages)} msgs, ${small.length} small tenants${ctx.quick ? "; stats rows every 10 minutes" : ""}; rows ${phases.rows.toFixed(0)} s, indexes ${phases.indexes.toFixed(0)} s, VACUUM ANALYZE ${phases.vacuum.toFixed(0)} s`,
    },
    {
      bench: "7 queries at scale",
      name: "data set on disk (pg_database_size)",
      value: sizes.database / 2 ** 20,
      unit: "MB",
      note: ["messages", "deliveries", "attempts", "message_labels", "endpoint_stats"]
        .map((table) => `${table} ${(sizes.tables[table]!.total / 2 ** 20).toFixed(0)} MB`)
        .join(", "),
    },
  );
  return { rows, details: { counts, generationSeconds, phases, sizes, explain: explained } };
}

interface TableSize {
  /** Bytes: heap (with TOAST), indexes, both; summed over partitions when the table has them. */
  table: number;
  indexes: number;
  total: number;
  rows: number;
}

/** pg_database_size and, for every table of the schema, its size on disk and row estimate. */
async function dataSize(client: pg.Client): Promise<{ database: number; tables: Record<string, TableSize> }> {
  const { rows } = await client.query<{ name: string; table: string; indexes: string; total: string; rows: string }>(
    `SELECT c.relname AS name,
            sum(pg_table_size(p.relid)) AS table, sum(pg_indexes_size(p.relid)) AS indexes,
            sum(pg_total_relation_size(p.relid)) AS total, sum(greatest(pc.reltuples, 0))::bigint AS rows
       FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace AND s.nspname = 'public'
       CROSS JOIN LATERAL (SELECT relid FROM pg_partition_tree(c.oid) WHERE isleaf
                           UNION SELECT c.oid WHERE c.relkind = 'r') p
       JOIN pg_class pc ON pc.oid = p.relid
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      GROUP BY c.relname ORDER BY 4 DESC`,
  );
  const { rows: database } = await client.query<{ size: string }>(
    `SELECT pg_database_size(current_database()) AS size`,
  );
  return {
    database: Number(database[0]!.size),
    tables: Object.fromEntries(
      rows.map((row) => [
        row.name,
        { table: Number(row.table), indexes: Number(row.indexes), total: Number(row.total), rows: Number(row.rows) },
      ]),
    ),
  };
}
