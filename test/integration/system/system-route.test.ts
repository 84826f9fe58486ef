// GET /api/v1/system and GET /api/v1/system/tenants: what the operator's pages show, computed
// from real rows (queue, rollups, heartbeats, usage), and for operators only.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as systemRoute } from "@/app/api/v1/system/route";
import { GET as tenantUsageRoute } from "@/app/api/v1/system/tenants/route";
import { db, pool } from "@/lib/db";
import { newId } from "@/lib/ids";
import { publishMessages } from "@/lib/messages/publish-messages";
import type { TSystemStatus, TTenantUsageView } from "@/lib/schemas/system";
import { recordHeartbeat, recordStopped } from "@/lib/workers/heartbeat";
import { callRoute } from "../../helpers/api";
import { freshEndpoint, freshMember } from "../../helpers/api-world";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEventType } from "../../helpers/fixtures";

const minuteAgo = (minutes: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000);

describe("GET /api/v1/system", () => {
  useTestDatabase();
  let platformKey: string;
  let ownerKey: string;
  let tenantId: string;
  let endpointId: string;
  const workers = { live: newId("worker"), stale: newId("worker"), stopped: newId("worker") };

  beforeAll(async () => {
    platformKey = await createApiKey();
    tenantId = await createTenant("Busy");
    ownerKey = await createApiKey({ tenantId, role: "owner" });
    endpointId = await freshEndpoint(tenantId);
    const { name } = await createTestEventType();
    const published = await publishMessages(
      tenantId,
      Array.from({ length: 5 }, (_, n) => ({ eventType: name, payload: { n } })),
    );
    const ids = published.map((message) => message.id);
    // Of 5 pending deliveries: 1 sending, 1 waiting for a retry in 10 minutes, 3 due, the oldest due 5 minutes ago.
    await pool().query(
      `UPDATE deliveries SET status = 'sending', lease_owner = 'x', lease_until = now() + interval '1 minute' WHERE message_id = $1`,
      [ids[0]],
    );
    await pool().query(`UPDATE deliveries SET next_attempt_at = now() + interval '10 minutes' WHERE message_id = $1`, [
      ids[1],
    ]);
    await pool().query(`UPDATE deliveries SET next_attempt_at = now() - interval '5 minutes' WHERE message_id = $1`, [
      ids[2],
    ]);
    // Rollups: two minutes ago (counted) and two hours ago (outside the hour).
    await db().endpointStats.createMany({
      data: [
        { endpointId, tenantId, minute: minuteAgo(2), succeeded: 7, failed: 2, latencySumMs: 900, histogram: [] },
        { endpointId, tenantId, minute: minuteAgo(120), succeeded: 100, failed: 100, latencySumMs: 1, histogram: [] },
      ],
    });
    await recordHeartbeat({ id: workers.live, version: "test", startedAt: new Date() }, 3);
    await recordHeartbeat({ id: workers.stale, version: "test", startedAt: new Date() });
    await pool().query(`UPDATE worker_heartbeats SET last_heartbeat_at = now() - interval '2 minutes' WHERE id = $1`, [
      workers.stale,
    ]);
    await recordHeartbeat({ id: workers.stopped, version: "test", startedAt: new Date() });
    await recordStopped(workers.stopped);
    await db().endpoint.update({
      where: { id: endpointId },
      data: { failingSince: new Date(Date.now() - 60_000), failuresSinceSuccess: 4 },
    });
  });

  it("should report the queue, the oldest due delivery and the last day by status", async () => {
    const response = await callRoute(systemRoute, { params: {}, key: platformKey });
    expect(response.status).toBe(200);
    const status = response.body as TSystemStatus;
    expect(status.queue).toEqual({ due: 3, scheduled: 1, sending: 1 });
    expect(status.oldestDue!.ageMs).toBeGreaterThanOrEqual(5 * 60_000);
    expect(status.oldestDue!.ageMs).toBeLessThan(6 * 60_000);
    expect(status.last24h).toEqual({ pending: 4, sending: 1, succeeded: 0, failed: 0, skipped: 0 });
  });

  it("should give 60 minutes of attempts, zeros included, from the rollups", async () => {
    const status = (await callRoute(systemRoute, { params: {}, key: platformKey })).body as TSystemStatus;
    expect(status.attemptsPerMinute).toHaveLength(60);
    expect(status.attemptsPerMinute.find((point) => point.minute === minuteAgo(2).toISOString())).toEqual({
      minute: minuteAgo(2).toISOString(),
      succeeded: 7,
      failed: 2,
    });
    const total = status.attemptsPerMinute.reduce((sum, point) => sum + point.succeeded + point.failed, 0);
    expect(total).toBe(9);
  });

  it("should list the workers and flag the stale one", async () => {
    const status = (await callRoute(systemRoute, { params: {}, key: platformKey })).body as TSystemStatus;
    const states = Object.fromEntries(status.workers.map((worker) => [worker.id, worker.state]));
    expect(states).toEqual({ [workers.live]: "live", [workers.stale]: "stale", [workers.stopped]: "stopped" });
    expect(status.workers.find((worker) => worker.id === workers.live)?.inFlight).toBe(3);
    expect(status.staleAfterMs).toBe(15_000);
  });

  it("should list failing endpoints with their tenant", async () => {
    const status = (await callRoute(systemRoute, { params: {}, key: platformKey })).body as TSystemStatus;
    expect(status.failingEndpoints).toEqual([
      expect.objectContaining({ id: endpointId, tenantId, tenantName: "Busy", failuresSinceSuccess: 4 }),
    ]);
  });

  it.each([
    { caller: "a tenant owner's key", key: () => ownerKey, expected: 403 },
    { caller: "no key", key: () => null, expected: 401 },
  ])("should refuse $caller with $expected", async ({ key, expected }) => {
    expect((await callRoute(systemRoute, { params: {}, key: key() })).status).toBe(expected);
    expect((await callRoute(tenantUsageRoute, { params: {}, key: key() })).status).toBe(expected);
  });

  it("should count each tenant's endpoints, messages of the last 24 h and members", async () => {
    const quiet = await createTenant("Quiet");
    await freshMember(quiet, "owner");
    await freshMember(quiet, "viewer");
    await freshEndpoint(quiet);
    await freshEndpoint(quiet);
    // A message from two days ago is not "in the last 24 h".
    const old = new Date(Date.now() - 48 * 3_600_000);
    await db().message.create({
      data: { id: newId("message", old.getTime()), tenantId: quiet, eventType: "x", payload: {}, createdAt: old },
    });

    const response = await callRoute(tenantUsageRoute, { params: {}, key: platformKey, query: { limit: "10" } });
    expect(response.status).toBe(200);
    const { data } = response.body as { data: TTenantUsageView[] };
    expect(data.find((tenant) => tenant.id === quiet)?.usage).toEqual({ endpoints: 2, messages24h: 0, members: 2 });
    expect(data.find((tenant) => tenant.id === tenantId)?.usage).toEqual({ endpoints: 1, messages24h: 5, members: 0 });
  });

  it("should page through tenants with a cursor", async () => {
    const first = await callRoute(tenantUsageRoute, { params: {}, key: platformKey, query: { limit: "1" } });
    const page = first.body as { data: TTenantUsageView[]; nextCursor: string };
    expect(page.data).toHaveLength(1);
    const second = await callRoute(tenantUsageRoute, {
      params: {},
      key: platformKey,
      query: { limit: "1", cursor: page.nextCursor },
    });
    expect((second.body as { data: TTenantUsageView[] }).data[0]!.id < page.data[0]!.id).toBe(true);
  });
});
