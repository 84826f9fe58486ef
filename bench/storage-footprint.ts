// What a message, a delivery and an attempt cost PostgreSQL, for docs/SCALING.md's sizing:
// bytes on disk per row (heap, TOAST and indexes, after VACUUM), WAL bytes per published message
// and per delivery, and PostgreSQL CPU per delivery (every process of the server, from /proc).
// Not part of `npm run bench`; run it alone:
//
//   node --conditions=react-server --import tsx bench/storage-footprint.ts [messages]
//
// A throwaway embedded PostgreSQL (no fsync, but full-page writes on, as in production, since
// they are much of the WAL), one tenant, two endpoints on a loopback receiver (the second answers
// 500 to the first try of every fifth message), messages of a ~600-byte payload published in
// batches of 100 through publishMessages, then drained by one in-process worker.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import pino from "pino";
import { loadAverage, postgresCpuSeconds, startPostgres } from "./lib/harness";

const MESSAGES = Number(process.argv[2] ?? 20_000);

const server = await startPostgres(["full_page_writes=on"]);
const url = await server.createDatabase("storage");
process.env.DATABASE_URL = url;
process.env.HOOKLINE_ALLOW_PRIVATE_NETWORKS = "true";
process.env.LOG_LEVEL = "warn";
process.env.HOOKLINE_ENCRYPTION_KEY ??= randomBytes(32).toString("hex"); // as bench/run.ts: no key file written
const { reloadEnv } = await import("../lib/env");
reloadEnv();
const { db, closeDb } = await import("../lib/db");
const { newId } = await import("../lib/ids");
const { createEventType } = await import("../lib/event-types/create-event-type");
const { createEndpoint } = await import("../lib/endpoints/create-endpoint");
const { publishMessages } = await import("../lib/messages/publish-messages");
const { createWebhookAgent } = await import("../lib/sending/webhook-agent");
const { DeliveryWorker } = await import("../worker/delivery-worker");

const firstTries = new Set<string>();
const receiver = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString()));
  request.on("end", () => {
    const key = `${request.url} ${String(request.headers["webhook-id"])}`;
    const first = !firstTries.has(key);
    firstTries.add(key);
    const n = Number(/"n":(\d+)/.exec(body)?.[1] ?? 0);
    const fail = request.url === "/second" && first && n % 5 === 0;
    response.writeHead(fail ? 500 : 200, { "content-type": "application/json" });
    response.end(fail ? '{"error":"try again"}' : '{"received":true}');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

const query = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
};
const walBytes = async () =>
  Number((await query<{ lsn: string }>(`SELECT pg_current_wal_lsn() - '0/0' AS lsn`))[0]!.lsn);

const tenantId = (await db().tenant.create({ data: { id: newId("tenant"), name: "storage" } })).id;
await createEventType({ name: "order.created" });
for (const path of ["/first", "/second"]) await createEndpoint(null, tenantId, { url: `${base}${path}` });

// A believable order event: ~600 bytes of JSON.
const payload = (n: number) => ({
  id: `ord_${String(n).padStart(8, "0")}`,
  customer: { id: `cus_${n % 5000}`, email: `customer${n % 5000}@example.com`, name: "Ada Lovelace" },
  currency: "eur",
  total: 4200 + (n % 1000),
  status: "paid",
  items: [
    { sku: "SKU-1001", name: "Notebook, A5, dotted", quantity: 2, unit_price: 1250 },
    { sku: "SKU-2002", name: "Fountain pen, medium nib", quantity: 1, unit_price: 1700 },
  ],
  shipping: { street: "12 Example Street", city: "Berlin", postal_code: "10115", country: "DE" },
  created_at: new Date().toISOString(),
  metadata: { source: "storefront", campaign: "winter", n },
});

const loadBefore = loadAverage();
const walBeforePublish = await walBytes();
const publishStarted = Date.now();
for (let start = 0; start < MESSAGES; start += 100) {
  await publishMessages(
    tenantId,
    Array.from({ length: Math.min(100, MESSAGES - start) }, (_, k) => ({
      eventType: "order.created",
      payload: payload(start + k),
    })),
  );
}
const publishSeconds = (Date.now() - publishStarted) / 1000;
const walAfterPublish = await walBytes();

const cpuBefore = postgresCpuSeconds(server.pid());
const drainStarted = Date.now();
const worker = new DeliveryWorker({
  workerId: newId("worker"),
  connectionString: url,
  dispatcher: createWebhookAgent({ allowPrivateNetworks: true, connectTimeoutMs: 2_000 }),
  schedule: [100, 200, 400],
  concurrency: 64,
  endpointConcurrency: 64,
  claimBatch: 64,
  leaseMs: 60_000,
  pollIntervalMs: 100,
  requestTimeoutMs: 5_000,
  responseBodyLimit: 4_096,
  log: pino({ level: "warn" }),
});
worker.start();
for (;;) {
  const [row] = await query<{ open: number }>(
    `SELECT count(*)::int AS open FROM deliveries WHERE status IN ('pending', 'sending')`,
  );
  if (row!.open === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
await worker.stop(5_000);
const drainSeconds = (Date.now() - drainStarted) / 1000;
const cpuAfter = postgresCpuSeconds(server.pid());
const walAfterDrain = await walBytes();

await query("VACUUM ANALYZE");
const tables = await query<{ table: string; rows: string; heap: string; indexes: string }>(`
  SELECT t.relname AS table,
         (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', t.relname), false, true, '')))[1]::text AS rows,
         sum(pg_table_size(p.relid)) AS heap, sum(pg_indexes_size(p.relid)) AS indexes
    FROM pg_class t JOIN pg_namespace ns ON ns.oid = t.relnamespace
   CROSS JOIN LATERAL (SELECT relid FROM pg_partition_tree(t.oid) UNION SELECT t.oid) p
   WHERE ns.nspname = 'public' AND t.relkind IN ('r', 'p') AND NOT t.relispartition
     AND t.relname IN ('messages', 'deliveries', 'attempts', 'endpoint_stats', 'endpoint_stats_hourly', 'tenant_stats_hourly')
   GROUP BY t.relname ORDER BY sum(pg_total_relation_size(p.relid)) DESC`);
const [counts] = await query<{ messages: number; deliveries: number; attempts: number; payload: number }>(
  `SELECT (SELECT count(*)::int FROM messages) AS messages, (SELECT count(*)::int FROM deliveries) AS deliveries,
          (SELECT count(*)::int FROM attempts) AS attempts, (SELECT avg(octet_length(payload::text))::int FROM messages) AS payload`,
);

const out = (line = "") => process.stdout.write(`${line}\n`);
out(
  `storage footprint, ${new Date().toISOString()}, load average ${loadBefore.join(" / ")} → ${loadAverage().join(" / ")}`,
);
out(
  `${counts!.messages} messages (payload ${counts!.payload} bytes), ${counts!.deliveries} deliveries, ${counts!.attempts} attempts; published in ${publishSeconds.toFixed(1)} s, drained in ${drainSeconds.toFixed(1)} s`,
);
out();
out("| table | rows | heap + TOAST bytes/row | index bytes/row | total bytes/row |");
out("|---|---|---|---|---|");
for (const { table, rows, heap, indexes } of tables) {
  const n = Number(rows);
  const per = (bytes: string) => (n ? Math.round(Number(bytes) / n).toLocaleString("en-US") : "–");
  out(
    `| ${table} | ${n.toLocaleString("en-US")} | ${per(heap)} | ${per(indexes)} | ${n ? Math.round((Number(heap) + Number(indexes)) / n).toLocaleString("en-US") : "–"} |`,
  );
}
out();
out(
  `WAL per published message (the publish: message, its deliveries): ${Math.round((walAfterPublish - walBeforePublish) / counts!.messages).toLocaleString("en-US")} bytes`,
);
out(
  `WAL per delivery (claims, attempts, state, rollups): ${Math.round((walAfterDrain - walAfterPublish) / counts!.deliveries).toLocaleString("en-US")} bytes`,
);
out(
  `PostgreSQL CPU per delivery (all processes): ${(((cpuAfter - cpuBefore) / counts!.deliveries) * 1000).toFixed(3)} ms`,
);

receiver.close();
await closeDb();
await server.stop();
