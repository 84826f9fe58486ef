// Retention by partition: a day whose every row is past the longest retention of any tenant
// is dropped whole (messages, deliveries, attempts, and the messages' labels), unless a
// delivery in it is still pending; a tenant with a shorter retention is purged inside the
// partitions in batches, while the others' rows and everything younger stay.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ensurePartitions, listPartitions, partitionName } from "@/lib/database/partitions";
import { newId } from "@/lib/ids";
import { purgeExpiredData } from "@/lib/retention/purge-expired-data";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

const DAY = 86_400_000;
const midnight = (daysFromToday: number) => Math.floor(Date.now() / DAY) * DAY + daysFromToday * DAY;

describe("purgeExpiredData with time partitions", () => {
  const databaseUrl = useTestDatabase();
  let client: pg.Client;
  let longTenant: string;
  let shortTenant: string;
  const endpoints = new Map<string, string>();

  beforeAll(async () => {
    client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    longTenant = await createTenant("Keeps 30 days");
    shortTenant = await createTenant("Keeps 7 days");
    await db().tenant.update({ where: { id: longTenant }, data: { retentionDays: 30 } });
    await db().tenant.update({ where: { id: shortTenant }, data: { retentionDays: 7 } });
    await createTestEventType({ name: "kept.event" });
    for (const tenant of [longTenant, shortTenant])
      endpoints.set(
        tenant,
        (await createTestEndpoint(tenant, { url: "http://127.0.0.1:9/", eventTypes: ["kept.event"] })).id,
      );
  });
  afterAll(() => client.end());

  /** `count` messages at noon `daysAgo` days ago, one delivery, one attempt and one tag label each. */
  async function insertDay(tenant: string, daysAgo: number, count: number, status = "succeeded") {
    const at = midnight(-daysAgo) + DAY / 2;
    const messageIds = Array.from({ length: count }, (_, index) => newId("message", at + index));
    const deliveryIds = messageIds.map((_, index) => newId("delivery", at + index));
    const attemptIds = messageIds.map((_, index) => newId("attempt", at + index + 1));
    await client.query(
      `INSERT INTO messages (id, tenant_id, event_type, payload, created_at, tags)
       SELECT id, $1, 'kept.event', '{}'::json, $3, '{nightly}' FROM unnest($2::text[]) id`,
      [tenant, messageIds, new Date(at)],
    );
    await client.query(
      `INSERT INTO message_labels (tenant_id, kind, value, message_id) SELECT $1, 'tag', 'nightly', id FROM unnest($2::text[]) id`,
      [tenant, messageIds],
    );
    await client.query(
      `INSERT INTO deliveries (id, tenant_id, message_id, endpoint_id, status, attempt_count, next_attempt_at, created_at)
       SELECT d, $1, m, $4, $5::"DeliveryStatus", 1, NULL, $6 FROM unnest($2::text[], $3::text[]) AS x(d, m)`,
      [tenant, deliveryIds, messageIds, endpoints.get(tenant), status, new Date(at)],
    );
    await client.query(
      `INSERT INTO attempts (id, tenant_id, delivery_id, message_id, endpoint_id, number, trigger, url, started_at, request_headers)
       SELECT a, $1, d, m, $5, 1, 'scheduled', 'http://127.0.0.1:9/', $6, '{}'::jsonb
         FROM unnest($2::text[], $3::text[], $4::text[]) AS x(a, d, m)`,
      [tenant, attemptIds, deliveryIds, messageIds, endpoints.get(tenant), new Date(at)],
    );
    return messageIds;
  }

  const count = async (sql: string, values: unknown[] = []) =>
    (await client.query<{ n: number }>(sql, values)).rows[0]!.n;
  const rowsOf = (tenant: string, table: "messages" | "deliveries" | "attempts" | "message_labels") =>
    count(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenant]);

  it("should drop the days past every retention, keep a day with a pending delivery, and purge a short retention in batches", async () => {
    // Daily partitions from 45 days ago to today, as a worker running all along made them.
    for (let daysAgo = 45; daysAgo >= 0; daysAgo -= 5)
      await ensurePartitions({ partitionDays: 1, aheadDays: 5, now: new Date(midnight(-daysAgo)) });
    await insertDay(longTenant, 40, 50);
    await insertDay(shortTenant, 40, 50);
    await insertDay(longTenant, 35, 20);
    await insertDay(longTenant, 35, 1, "pending"); // recovered by hand, say: keeps its day
    await insertDay(longTenant, 20, 30); // within 30 days: kept
    await insertDay(shortTenant, 20, 30); // past 7 days: deleted row by row
    await insertDay(shortTenant, 10, 30); // idem
    await insertDay(shortTenant, 3, 30); // within 7 days: kept
    await insertDay(longTenant, 3, 30);

    const result = await purgeExpiredData({ statsRetentionDays: 400, batchSize: 7 });
    expect(result.ran).toBe(true);

    // Days 45 to 31 ago are past 30 days (the longest retention): dropped, except 35 days ago.
    const dropped = new Set(result.droppedPartitions);
    for (let daysAgo = 45; daysAgo >= 31; daysAgo--) {
      for (const table of ["attempts", "deliveries", "messages"] as const) {
        const name = partitionName(table, new Date(midnight(-daysAgo)));
        expect(dropped.has(name), name).toBe(daysAgo !== 35);
      }
    }
    expect(result.droppedPartitions).toHaveLength(3 * 14);
    const remaining = (await listPartitions(client, "messages")).map((partition) => partition.name);
    expect(remaining).toContain(partitionName("messages", new Date(midnight(-35))));
    expect(remaining).not.toContain(partitionName("messages", new Date(midnight(-40))));
    expect(remaining).toContain(partitionName("messages", new Date(midnight(-30))));

    // Rows: the long tenant keeps the pending day (whose settled rows the batches purge: the
    // partition stays only for the pending delivery) and its 20- and 3-day-old ones; the short
    // tenant keeps only its last 7 days. The 60 row-by-row deletions took batches of 7.
    for (const table of ["messages", "deliveries", "attempts", "message_labels"] as const) {
      expect(await rowsOf(longTenant, table), `${table} of the long tenant`).toBe(1 + 30 + 30);
      expect(await rowsOf(shortTenant, table), `${table} of the short tenant`).toBe(30);
    }
    expect(result.messages).toBe(20 + 30 + 30);
    expect(result.deliveries).toBe(20 + 30 + 30);
    expect(result.attempts).toBe(20 + 30 + 30);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND created_at > now() - interval '8 days'`,
        [shortTenant],
      ),
    ).toBe(30);

    // Once the pending delivery settles, its day goes too.
    await client.query(`UPDATE deliveries SET status = 'succeeded' WHERE status = 'pending'`);
    const again = await purgeExpiredData({ statsRetentionDays: 400 });
    expect(again.droppedPartitions).toEqual(
      (["attempts", "deliveries", "messages"] as const).map((table) => partitionName(table, new Date(midnight(-35)))),
    );
    expect(await rowsOf(longTenant, "messages")).toBe(60);
  });

  it("should not deadlock with a statement that holds the table and then reaches the old partition", async () => {
    await ensurePartitions({ partitionDays: 1, aheadDays: 1, now: new Date(midnight(-60)) });
    await insertDay(longTenant, 60, 10);
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    try {
      // A write that has locked the parent (as every statement on it does first), then, while the
      // purge waits for the parent, goes through every partition (a generic plan locks them all).
      await other.query(`BEGIN`);
      await other.query(`LOCK TABLE ONLY deliveries IN ROW EXCLUSIVE MODE`);
      const purging = purgeExpiredData({ statsRetentionDays: 400 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await other.query(`UPDATE deliveries SET last_error = last_error WHERE tenant_id = $1`, [longTenant]);
      await other.query(`COMMIT`);
      await purging;
    } finally {
      await other.end();
    }
    // Whichever round got the lock, the day goes.
    await purgeExpiredData({ statsRetentionDays: 400 });
    const names = (await listPartitions(client, "deliveries")).map((partition) => partition.name);
    expect(names).not.toContain(partitionName("deliveries", new Date(midnight(-60))));
    expect(await count(`SELECT count(*)::int AS n FROM messages WHERE created_at < now() - interval '50 days'`)).toBe(
      0,
    );
  });
});
