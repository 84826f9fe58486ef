// (7) Queries at scale: the dashboard's API calls against a generated tenant of 1,000,000
// messages and ~3,000,000 attempts over 30 days (plus 3 noise tenants of 30,000 messages). Each call is the one lib/
// function its route handler calls, with the query parsed by the route's own zod schema, timed
// in this process (Prisma and pg included, HTTP not). Every SQL statement a call makes is
// captured and kept with its EXPLAIN (ANALYZE, BUFFERS) in the results file.
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

export async function queries(ctx: BenchContext): Promise<BenchOutcome> {
  const bigMessages = ctx.quick ? 20_000 : 1_000_000;
  const noiseMessages = ctx.quick ? 2_000 : 30_000;
  const url = await ctx.postgres.createDatabase("queries");
  await switchDatabase(url);
  const { db } = await import("../lib/db");
  const { createEndpoint } = await import("../lib/endpoints/create-endpoint");
  const { createEventType } = await import("../lib/event-types/create-event-type");
  const eventTypes = ["a", "b", "c", "d", "e", "f", "g", "h"].map((letter) => `${EVENT_TYPE}.${letter}`);
  for (const name of eventTypes) await createEventType({ name });
  const tenants: ScaleTenant[] = [];
  for (const [index, messages, endpointCount] of [
    [0, bigMessages, 10],
    [1, noiseMessages, 2],
    [2, noiseMessages, 2],
    [3, noiseMessages, 2],
  ] as const) {
    const tenant = await db().tenant.create({
      data: { id: `tnt_01BENCHQ${index}${"0".repeat(17)}`, name: `bench ${index}` },
    });
    const endpointIds: string[] = [];
    for (let endpoint = 0; endpoint < endpointCount; endpoint++)
      endpointIds.push(
        (await createEndpoint(null, tenant.id, { url: `${ctx.receiver.url}/q${index}/${endpoint}` })).id,
      );
    tenants.push({ id: tenant.id, endpointIds, messages });
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const generationStarted = performance.now();
  ctx.log(
    `  generating ${bigMessages.toLocaleString("en-US")} + 3 × ${noiseMessages.toLocaleString("en-US")} messages`,
  );
  const counts = await generateScaleData(client, tenants, eventTypes, ctx.quick ? 10 : 1);
  const generationSeconds = (performance.now() - generationStarted) / 1000;
  ctx.log(`  generated ${JSON.stringify(counts)} in ${generationSeconds.toFixed(0)} s`);
  const big = tenants[0]!;
  // Channels and tags of the big tenant's messages (message_labels, what publishing writes):
  // every message in one of 20 channels (5 % each), every 1,000th tagged "rare" (0.1 %).
  await client.query(
    `INSERT INTO message_labels (tenant_id, kind, value, message_id)
     SELECT tenant_id, 'channel', 'ch-' || (abs(hashtext(id)) % 20), id FROM messages WHERE tenant_id = $1
     UNION ALL
     SELECT tenant_id, 'tag', 'rare', id FROM messages WHERE tenant_id = $1 AND abs(hashtext(id)) % 1000 = 7`,
    [big.id],
  );
  await client.query(`ANALYZE message_labels`);
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
    await ctx.postgres.dropDatabase("queries");
  }
  rows.unshift({
    bench: "7 queries at scale",
    name: "data set generated (SQL generate_series)",
    value: generationSeconds,
    unit: "s",
    note: `${counts.messages.toLocaleString("en-US")} messages, ${counts.deliveries.toLocaleString("en-US")} deliveries, ${counts.attempts.toLocaleString("en-US")} attempts, ${counts.endpointStats.toLocaleString("en-US")} stats rows; big tenant ${bigMessages.toLocaleString("en-US")} msgs${ctx.quick ? "; stats rows every 10 minutes" : ""}`,
  });
  return { rows, details: { counts, generationSeconds, explain: explained } };
}
