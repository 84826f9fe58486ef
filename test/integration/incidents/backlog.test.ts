// The backlog per endpoint for a known queue: due, scheduled, sending and the oldest pending
// delivery's age, live (the API) and as the maintenance loop samples it (the chart's series).
import { beforeAll, describe, expect, it } from "vitest";
import { GET as tenantBacklogRoute } from "@/app/api/v1/tenants/[tenant]/backlog/route";
import { GET as endpointBacklogRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/backlog/route";
import { pool } from "@/lib/db";
import { sampleBacklog } from "@/lib/backlog";
import { publishMessages } from "@/lib/messages/publish-messages";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

describe("backlog per endpoint", () => {
  useTestDatabase();
  let tenantId: string;
  let key: string;
  let busy: { id: string };
  let idle: { id: string };

  beforeAll(async () => {
    tenantId = await createTenant("Backlog");
    key = await createApiKey({ tenantId, role: "viewer" });
    await createTestEventType({ name: "order.queued" });
    await createTestEventType({ name: "order.other" });
    busy = await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/busy", eventTypes: ["order.queued"] });
    idle = await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/idle", eventTypes: ["order.other"] });
    // No worker runs: 10 deliveries wait. Make 3 of them retries due in an hour, 2 in flight,
    // 1 settled, and the oldest one 10 minutes old.
    await publishMessages(
      tenantId,
      Array.from({ length: 10 }, (_, index) => ({ eventType: "order.queued", payload: { index } })),
    );
    const { rows } = await pool().query<{ id: string }>(
      `SELECT id FROM deliveries WHERE endpoint_id = $1 ORDER BY id`,
      [busy.id],
    );
    const ids = rows.map((row) => row.id);
    await pool().query(`UPDATE deliveries SET next_attempt_at = now() + interval '1 hour' WHERE id = ANY($1)`, [
      ids.slice(0, 3),
    ]);
    await pool().query(
      `UPDATE deliveries SET status = 'sending', lease_owner = 'wkr_test', lease_until = now() + interval '1 minute' WHERE id = ANY($1)`,
      [ids.slice(3, 5)],
    );
    await pool().query(`UPDATE deliveries SET status = 'succeeded', next_attempt_at = NULL WHERE id = $1`, [ids[5]]);
    await pool().query(`UPDATE deliveries SET created_at = now() - interval '10 minutes' WHERE id = $1`, [ids[0]]);
  });

  it("should count each endpoint's queue now", async () => {
    const response = await callRoute(tenantBacklogRoute, { params: { tenant: tenantId }, key });
    expect(response.status).toBe(200);
    const { data } = response.body as { data: Array<Record<string, number | string>> };
    const busyRow = data.find((row) => row.endpointId === busy.id)!;
    expect(busyRow).toMatchObject({ due: 4, scheduled: 3, sending: 2 });
    expect(busyRow.oldestPendingSeconds).toBeGreaterThanOrEqual(600);
    expect(busyRow.oldestPendingSeconds).toBeLessThan(900);
    expect(data.find((row) => row.endpointId === idle.id)).toEqual({
      endpointId: idle.id,
      due: 0,
      scheduled: 0,
      sending: 0,
      oldestPendingSeconds: 0,
    });
  });

  it("should sample the queue once a minute and chart the samples", async () => {
    expect(await sampleBacklog()).toBe(1); // only the endpoint with something queued
    expect(await sampleBacklog()).toBe(0); // the same minute again: left alone
    const response = await callRoute(endpointBacklogRoute, { params: { tenant: tenantId, endpoint: busy.id }, key });
    expect(response.status).toBe(200);
    const body = response.body as { now: Record<string, number>; series: Array<Record<string, number | string>> };
    expect(body.now).toMatchObject({ endpointId: busy.id, due: 4, scheduled: 3, sending: 2 });
    // 24 hours in 6-minute buckets, every one there: the sampled one with the queue, the others 0.
    expect(body.series).toHaveLength(240);
    const filled = body.series.filter((point) => point.due !== 0);
    expect(filled).toHaveLength(1);
    expect(filled[0]).toMatchObject({ due: 4, scheduled: 3, sending: 2 });
    expect(body.series.at(-1)).toMatchObject({ due: 4 }); // the current minute is in the last bucket

    const old = await pool().query(
      `INSERT INTO endpoint_backlog (endpoint_id, minute, tenant_id, due, scheduled, sending, oldest_pending_seconds)
       VALUES ($1, now() - interval '9 days', $2, 1, 1, 1, 1)`,
      [busy.id, tenantId],
    );
    expect(old.rowCount).toBe(1);
    await pool().query(`DELETE FROM endpoint_backlog WHERE minute > now() - interval '1 minute'`);
    await sampleBacklog(); // purges what is past the retention
    const { rows } = await pool().query(`SELECT minute FROM endpoint_backlog WHERE endpoint_id = $1`, [busy.id]);
    expect(rows).toHaveLength(1);
  });

  it("should answer bad input with a 4xx and a code", async () => {
    const cases: Array<{
      params: { tenant: string; endpoint: string };
      query: Record<string, string>;
      status: number;
    }> = [
      { params: { tenant: tenantId, endpoint: busy.id }, query: { from: "yesterday" }, status: 422 },
      { params: { tenant: tenantId, endpoint: busy.id }, query: { range: "1h" }, status: 422 },
      {
        params: { tenant: tenantId, endpoint: busy.id },
        query: { from: "2026-12-02T00:00:00Z", to: "2026-12-01T00:00:00Z" },
        status: 422,
      },
      { params: { tenant: tenantId, endpoint: "ep_nope" }, query: {}, status: 404 },
      { params: { tenant: tenantId, endpoint: "ep_01JZZZZZZZZZZZZZZZZZZZZZZZ" }, query: {}, status: 404 },
    ];
    for (const bad of cases) {
      const response = await callRoute(endpointBacklogRoute, { params: bad.params, key, query: bad.query });
      expect({ ...bad, status: response.status }).toEqual(bad);
      expect(response.body).toMatchObject({ error: { code: expect.any(String) } });
    }
  });
});
