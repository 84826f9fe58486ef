// End-to-end delivery throughput: N deliveries pre-published, worker process(es) started, time
// until every delivery has succeeded, with attempt logging and stats rollups as in production.
// Usage: npm run bench -- delivery [--messages 10000] [--endpoints 1] [--workers 1]
import { parseArgs } from "node:util";
import pg from "pg";
import { startDatabase, startReceiverProcess, startWorkerProcess, writeResults } from "./lib/harness";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "delivery"),
  options: { messages: { type: "string", default: "10000" }, endpoints: { type: "string", default: "1" }, workers: { type: "string", default: "1" }, concurrency: { type: "string", default: "64" } },
  allowPositionals: true,
});
const messages = Number(values.messages);
const endpointCount = Number(values.endpoints);
const workerCount = Number(values.workers);

const database = await startDatabase();
process.env.DATABASE_URL = database.url;
process.env.HOOKLINE_ENCRYPTION_KEY ??= "00".repeat(32);
const receiver = await startReceiverProcess();
const { createEndpoint } = await import("../lib/endpoints/create-endpoint");
const { createEventType } = await import("../lib/event-types/create-event-type");
const { publishMessages } = await import("../lib/messages/publish-messages");
const { db, closeDb } = await import("../lib/db");

const tenant = await db().tenant.create({ data: { id: "tnt_01BENCH00000000000000000000".slice(0, 30), name: "bench" } });
await createEventType({ name: "bench.event" });
for (let index = 0; index < endpointCount; index++) await createEndpoint(tenant.id, { url: `${receiver.url}/e${index}`, maxConcurrency: Number(values.concurrency) });
const payload = { id: "evt_123", amount: 4200, currency: "eur", customer: { id: "cus_42", email: "ada@example.com" } };
for (let start = 0; start < messages; start += 100) {
  await publishMessages(tenant.id, Array.from({ length: Math.min(100, messages - start) }, () => ({ eventType: "bench.event", payload })));
}
const total = messages * endpointCount;
console.log(`published ${messages} messages × ${endpointCount} endpoint(s) = ${total} deliveries`);

const client = new pg.Client({ connectionString: database.url });
await client.connect();
// Park the backlog, start the workers and let them settle, then release it all at once: the
// clock measures delivering, not process start-up.
await client.query(`UPDATE deliveries SET next_attempt_at = now() + interval '1 hour'`);
const workers = await Promise.all(Array.from({ length: workerCount }, () => startWorkerProcess(database.url, { HOOKLINE_WORKER_CONCURRENCY: values.concurrency })));
for (;;) {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM worker_heartbeats`);
  if (rows[0]!.n >= workerCount) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await new Promise((resolve) => setTimeout(resolve, 500));
const started = performance.now();
await client.query(`UPDATE deliveries SET next_attempt_at = now(); NOTIFY hookline_deliveries`);
for (;;) {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded'`);
  if (rows[0]!.n >= total) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const seconds = (performance.now() - started) / 1_000;
const rate = total / seconds;
console.log(`delivered ${total} in ${seconds.toFixed(2)} s: ${Math.round(rate)} deliveries/s (${workerCount} worker(s), concurrency ${values.concurrency})`);
await Promise.all(workers.map((worker) => worker.stop()));
await client.end();
await closeDb();
console.log(await receiver.stop());
console.log(writeResults("delivery", { messages, endpoints: endpointCount, workers: workerCount, deliveries: total, seconds, deliveriesPerSecond: rate }));
await database.stop();
