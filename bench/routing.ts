// (10) Routing: what payload filters cost at publish, and the throughput of a FIFO endpoint.
// - Fan-out with filters: publishing to a tenant with 100 endpoints that all have a payload
//   filter (each matching, so the same 100 deliveries are written: the evaluation is the only
//   difference) against 100 endpoints without one. Through publishMessages in this process
//   (the read, the fan-out, the one-statement write; no HTTP), batches of 10 messages (1,000
//   deliveries a call), 4 calls at a time. Target: at most 2× the time without filters.
// - FIFO: one endpoint with ordering "fifo", messages over 50 ordering keys, healthy receiver,
//   one worker, drained as the e2e throughput benchmark drains (lib/datasets.ts).
import { EVENT_TYPE, PAYLOAD, type BenchContext } from "./lib/context";
import { dataset, drain } from "./lib/datasets";
import { switchDatabase } from "./lib/harness";
import type { BenchOutcome, Row } from "./lib/report";

const ENDPOINTS = 100;
const BATCH = 10;
const PARALLEL = 4;

/** A filter of the size people write (a few conditions, a dot path, a list), matching PAYLOAD. */
const FILTER = {
  amount: { $gte: 100, $lt: 1_000_000 },
  currency: { $in: ["eur", "usd", "gbp"] },
  "customer.id": { $exists: true },
  $or: [{ "customer.email": { $ne: null } }, { id: "evt_123" }],
};

async function publishRate(ctx: BenchContext, name: string, filter: Record<string, unknown> | null, seconds: number) {
  await switchDatabase(await ctx.postgres.createDatabase(name));
  const { db, pool } = await import("../lib/db");
  const { createEndpoint } = await import("../lib/endpoints/create-endpoint");
  const { createEventType } = await import("../lib/event-types/create-event-type");
  const { publishMessages } = await import("../lib/messages/publish-messages");
  const tenant = await db().tenant.create({ data: { id: "tnt_01BENCH0000000000000000000", name } });
  await createEventType({ name: EVENT_TYPE });
  for (let index = 0; index < ENDPOINTS; index++)
    await createEndpoint(null, tenant.id, { url: `${ctx.receiver.url}/r${index}`, filter });
  const batch = Array.from({ length: BATCH }, () => ({ eventType: EVENT_TYPE, payload: PAYLOAD }));
  const run = async (ms: number) => {
    let messages = 0;
    let deliveries = 0;
    const until = performance.now() + ms;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (performance.now() < until) {
          const published = await publishMessages(tenant.id, batch);
          messages += published.length;
          deliveries += published.reduce((sum, message) => sum + message.deliveries, 0);
        }
      }),
    );
    return { messages, deliveries, seconds: (performance.now() - started) / 1000 };
  };
  await run(1_000); // warm-up: prepared statements, the JIT
  const result = await run(seconds * 1_000);
  await pool().query("SELECT 1");
  await switchDatabase(ctx.postgres.adminUrl);
  await ctx.postgres.dropDatabase(name);
  return { ...result, messagesPerSecond: result.messages / result.seconds };
}

export async function routing(ctx: BenchContext): Promise<BenchOutcome> {
  const rows: Row[] = [];
  const seconds = ctx.quick ? 4 : 15;
  ctx.log(`  publishing to ${ENDPOINTS} endpoints without filters for ${seconds} s`);
  const plain = await publishRate(ctx, "routing_plain", null, seconds);
  ctx.log(`  publishing to ${ENDPOINTS} endpoints with filters for ${seconds} s`);
  const filtered = await publishRate(ctx, "routing_filtered", FILTER, seconds);
  const ratio = plain.messagesPerSecond / filtered.messagesPerSecond;
  rows.push(
    {
      bench: "10 routing",
      name: `publish to ${ENDPOINTS} endpoints, no filters`,
      value: plain.messagesPerSecond,
      unit: "msgs/s",
      note: `${plain.deliveries.toLocaleString("en-US")} deliveries in ${plain.seconds.toFixed(1)} s; batches of ${BATCH}, ${PARALLEL} at a time, in-process`,
    },
    {
      bench: "10 routing",
      name: `publish to ${ENDPOINTS} endpoints, all with a filter (matching)`,
      value: filtered.messagesPerSecond,
      unit: "msgs/s",
      note: `${filtered.deliveries.toLocaleString("en-US")} deliveries in ${filtered.seconds.toFixed(1)} s`,
    },
    {
      bench: "10 routing",
      name: "publish cost with filters / without",
      value: ratio,
      unit: "×",
      target: { op: "<", value: 2 },
      note: "time per message, filtered over plain",
    },
  );

  const keys = 50;
  const fifo = await dataset(ctx, "fifo50", ctx.quick ? 2_000 : 10_000, [`${ctx.receiver.url}/fifo`], {
    endpoint: { ordering: "fifo" },
    orderingKey: (index) => `key-${index % keys}`,
  });
  ctx.log(`  draining ${fifo.deliveries.toLocaleString("en-US")} FIFO deliveries over ${keys} keys, 1 worker`);
  const drained = await drain(ctx, fifo, 1);
  rows.push({
    bench: "10 routing",
    name: `FIFO endpoint, ${keys} keys, healthy receiver, 1 worker`,
    value: drained.deliveriesPerSecond,
    unit: "deliveries/s",
    note: `${drained.deliveries.toLocaleString("en-US")} in ${drained.seconds.toFixed(1)} s; one in flight per key`,
  });
  return { rows, details: { plain, filtered, ratio, fifo: { ...drained, progress: undefined } } };
}
