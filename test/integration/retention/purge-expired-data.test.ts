// Retention: 100,000 rows past a tenant's retention are purged in batches while fresh
// deliveries keep flowing; what is recent, or still being delivered, stays. Message counts per
// hour go with the messages, hourly statistics with the minute ones.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { publishMessages } from "@/lib/messages/publish-messages";
import { PURGE_LOCK, purgeExpiredData } from "@/lib/retention/purge-expired-data";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { startTestWorker } from "../../helpers/worker";

const DAY = 86_400_000;

describe("purgeExpiredData", () => {
  const databaseUrl = useTestDatabase();
  let client: pg.Client;
  let receiver: Receiver;
  let tenantId: string;
  let longTenantId: string;
  let endpointId: string;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    receiver = await startReceiver();
    tenantId = await createTenant("Short memory");
    longTenantId = await createTenant("Long memory");
    await db().tenant.update({ where: { id: tenantId }, data: { retentionDays: 30 } });
    await db().tenant.update({ where: { id: longTenantId }, data: { retentionDays: 90 } });
    await createTestEventType({ name: "retained.event" });
    endpointId = (await createTestEndpoint(tenantId, { url: receiver.url("/fresh"), eventTypes: ["retained.event"] }))
      .id;
  });
  afterAll(async () => {
    await client.end();
    await receiver.close();
  });

  /** Old history, written straight into the tables: messages with 1 delivery and 1 attempt each. */
  async function insertHistory(tenant: string, messages: number, ageDays: number, status = "succeeded") {
    const at = Date.now() - ageDays * DAY;
    for (let start = 0; start < messages; start += 5_000) {
      const count = Math.min(5_000, messages - start);
      const messageIds = Array.from({ length: count }, (_, index) => newId("message", at + start + index));
      const deliveryIds = messageIds.map((_, index) => newId("delivery", at + start + index));
      await client.query(
        `INSERT INTO messages (id, tenant_id, event_type, payload, created_at) SELECT id, $1, 'retained.event', '{}'::json, $3 FROM unnest($2::text[]) id`,
        [tenant, messageIds, new Date(at)],
      );
      await client.query(
        `INSERT INTO deliveries (id, tenant_id, message_id, endpoint_id, status, attempt_count, next_attempt_at, created_at)
         SELECT d, $1, m, $4, $5::"DeliveryStatus", 1, NULL, $6 FROM unnest($2::text[], $3::text[]) AS x(d, m)`,
        [tenant, deliveryIds, messageIds, endpointId, status, new Date(at)],
      );
      await client.query(
        `INSERT INTO attempts (id, tenant_id, delivery_id, message_id, endpoint_id, number, trigger, url, started_at, request_headers)
         SELECT $5 || substr(d, 5), $1, d, m, $4, 1, 'scheduled', 'http://127.0.0.1/', $6, '{}'::jsonb FROM unnest($2::text[], $3::text[]) AS x(d, m)`,
        [tenant, deliveryIds, messageIds, endpointId, "att_", new Date(at)],
      );
    }
  }

  const count = async (sql: string, values: unknown[] = []) =>
    (await client.query<{ n: number }>(sql, values)).rows[0]!.n;

  it("should purge 100,000 old rows in batches while deliveries keep flowing", async () => {
    await insertHistory(tenantId, 33_334, 45); // ≈ 100,000 rows: messages + deliveries + attempts
    await insertHistory(tenantId, 100, 10); // recent: kept
    await insertHistory(longTenantId, 100, 45); // within that tenant's 90 days: kept
    await insertHistory(tenantId, 5, 45, "pending"); // old but still being delivered: kept
    await client.query(
      `INSERT INTO endpoint_stats (endpoint_id, minute, tenant_id, succeeded) VALUES ($1, now() - interval '401 days', $2, 1), ($1, now() - interval '399 days', $2, 1)`,
      [endpointId, tenantId],
    );
    // Hourly rows go once their whole hour is past the 400 days: the one holding the cutoff stays.
    await client.query(
      `INSERT INTO endpoint_stats_hourly (endpoint_id, hour, tenant_id, succeeded)
       SELECT $1, date_trunc('hour', now() - interval '400 days', 'UTC') + h * interval '1 hour', $2, 1 FROM generate_series(-3, 2) AS h`,
      [endpointId, tenantId],
    );
    await client.query(
      `INSERT INTO tenant_stats_hourly (tenant_id, hour, succeeded)
       SELECT $1, date_trunc('hour', now() - interval '400 days', 'UTC') + h * interval '1 hour', 1 FROM generate_series(-3, 2) AS h`,
      [tenantId],
    );
    // Message counts go with their tenant's messages: hours wholly before the cutoff (30 days for
    // this tenant; 45 of them for the other, whose 90 days keep them).
    for (const tenant of [tenantId, longTenantId]) {
      await client.query(
        `INSERT INTO message_counts_hourly (tenant_id, hour, messages)
         SELECT $1, date_trunc('hour', now() - interval '30 days', 'UTC') + h * interval '1 hour', 1 FROM generate_series(-45, 2) AS h`,
        [tenant],
      );
    }
    const oldRows = await count(
      `SELECT ((SELECT count(*) FROM messages) + (SELECT count(*) FROM deliveries) + (SELECT count(*) FROM attempts))::int AS n`,
    );
    expect(oldRows).toBeGreaterThanOrEqual(100_000);

    // Deliveries flow while the purge runs.
    await db().delivery.updateMany({
      where: { status: "pending" },
      data: { nextAttemptAt: new Date(Date.now() + DAY) },
    }); // park the old pending ones
    startTestWorker(databaseUrl());
    const purging = purgeExpiredData({ statsRetentionDays: 400, batchSize: 5_000 });
    const fresh = await publishMessages(
      tenantId,
      Array.from({ length: 100 }, (_, n) => ({ eventType: "retained.event", payload: { n } })),
    );
    await receiver.waitFor(100, "/fresh", 20_000);
    const result = await purging;

    expect(result.ran).toBe(true);
    expect(result.messages).toBe(33_334);
    expect(result.deliveries).toBe(33_334);
    expect(result.attempts).toBe(33_334);
    expect(result.stats).toBe(1);
    expect(result.hourlyStats).toBe(3 + 3);
    expect(result.messageCounts).toBe(45);
    const stillOld = await count(
      `SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND created_at < now() - interval '30 days'`,
      [tenantId],
    );
    expect(stillOld).toBe(5); // the ones with pending deliveries
    expect(
      await count(
        `SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1 AND created_at > now() - interval '11 days'`,
        [tenantId],
      ),
    ).toBe(100 + fresh.length);
    expect(await count(`SELECT count(*)::int AS n FROM messages WHERE tenant_id = $1`, [longTenantId])).toBe(100);
    expect(
      await count(`SELECT count(*)::int AS n FROM endpoint_stats WHERE minute < now() - interval '400 days'`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM endpoint_stats WHERE minute < now() - interval '398 days'`),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM endpoint_stats_hourly WHERE hour + interval '1 hour' <= now() - interval '400 days'`,
      ),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM endpoint_stats_hourly WHERE hour < now() - interval '399 days'`),
    ).toBe(3);
    expect(
      await count(`SELECT count(*)::int AS n FROM tenant_stats_hourly WHERE hour < now() - interval '399 days'`),
    ).toBe(3);
    const oldCounts = `SELECT count(*)::int AS n FROM message_counts_hourly WHERE tenant_id = $1 AND hour < now() - interval '29 days'`;
    expect(await count(oldCounts, [tenantId])).toBe(3);
    expect(await count(oldCounts, [longTenantId])).toBe(48);
  });

  it("should skip the round while another process holds the purge lock", async () => {
    await client.query(`SELECT pg_advisory_lock($1)`, [PURGE_LOCK]);
    expect((await purgeExpiredData({ statsRetentionDays: 400 })).ran).toBe(false);
    await client.query(`SELECT pg_advisory_unlock($1)`, [PURGE_LOCK]);
    expect((await purgeExpiredData({ statsRetentionDays: 400 })).ran).toBe(true);
  });
});
