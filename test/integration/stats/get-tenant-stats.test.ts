// The tenant overview's statistics (GET /tenants/{t}/stats): attempts and latency of all the
// tenant's endpoints from the rollups, messages per bucket (from message ids), and the queue.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as statsRoute } from "@/app/api/v1/tenants/[tenant]/stats/route";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { publishMessages } from "@/lib/messages/publish-messages";
import { addSample, emptyHistogram } from "@/lib/stats";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { insertStatsRow } from "../../helpers/stats";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

type Point = {
  time: string;
  total: number;
  succeeded: number;
  failed: number;
  messages: number;
  p50Ms: number | null;
  successRate: number | null;
};
type Stats = {
  from: string;
  to: string;
  granularity: string;
  totals: Point;
  series: Point[];
  queue: { pending: number; sending: number; capped: boolean };
};

const HOUR = 3_600_000;

describe("tenant stats API", () => {
  useTestDatabase();
  let tenantId: string;
  let key: string;
  const hourStart = Math.floor(Date.now() / HOUR) * HOUR;
  const previousHour = new Date(hourStart - HOUR);

  beforeAll(async () => {
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "viewer" });
    await createTestEventType({ name: "invoice.paid" });
    const first = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/a" })).id;
    const second = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/b" })).id;
    const other = await createTenant("Other");
    const foreign = (await createTestEndpoint(other, { url: "http://127.0.0.1:9/c" })).id;
    let histogram = emptyHistogram();
    for (const ms of [10, 20, 30]) histogram = addSample(histogram, ms);
    for (const [tenant, endpoint] of [
      [tenantId, first],
      [tenantId, second],
      [other, foreign],
    ] as const) {
      await insertStatsRow({
        endpointId: endpoint,
        minute: new Date(previousHour.getTime() + 5 * 60_000),
        tenantId: tenant,
        succeeded: 2,
        failed: 1,
        latencySumMs: 60,
        histogram,
      });
    }
    // Three messages in the previous hour (ids carry the time), two now; one of another tenant.
    for (let index = 0; index < 3; index++) {
      await db().message.create({
        data: {
          id: newId("message", previousHour.getTime() + index * 60_000),
          tenantId,
          eventType: "invoice.paid",
          payload: {},
          createdAt: new Date(previousHour.getTime() + index * 60_000),
        },
      });
    }
    await publishMessages(tenantId, [
      { eventType: "invoice.paid", payload: {} },
      { eventType: "invoice.paid", payload: {} },
    ]);
    await publishMessages(other, [{ eventType: "invoice.paid", payload: {} }]);
    await db().delivery.updateMany({ where: { tenantId, endpointId: second }, data: { status: "sending" } });
  });

  it("should add up the tenant's endpoints per bucket, count messages per bucket and report the queue", async () => {
    const response = await callRoute(statsRoute, {
      params: { tenant: tenantId },
      key,
      query: { from: previousHour.toISOString(), to: new Date(hourStart + HOUR).toISOString(), granularity: "hour" },
    });
    expect(response.status).toBe(200);
    const stats = response.body as Stats;
    expect(stats.series.map((point) => point.time)).toEqual([
      previousHour.toISOString(),
      new Date(hourStart).toISOString(),
    ]);
    expect(stats.series.map((point) => point.total)).toEqual([6, 0]);
    expect(stats.series.map((point) => point.messages)).toEqual([3, 2]);
    expect(stats.series[0]).toMatchObject({ succeeded: 4, failed: 2, successRate: 4 / 6 });
    expect(stats.series[0]!.p50Ms).toBeGreaterThan(10);
    expect(stats.totals).toMatchObject({ total: 6, messages: 5 });
    // Each of the two new messages went to both endpoints: two deliveries pending, two sending.
    expect(stats.queue).toEqual({ pending: 2, sending: 2, capped: false });
  });

  it("should default to the last 24 hours by the hour", async () => {
    const stats = (await callRoute(statsRoute, { params: { tenant: tenantId }, key })).body as Stats;
    expect(stats.granularity).toBe("hour");
    expect(stats.series.length).toBeGreaterThanOrEqual(24);
    expect(stats.totals.messages).toBe(5);
  });

  it.each([
    { name: "an unknown granularity", query: { granularity: "week" }, path: "granularity" },
    {
      name: "too many buckets",
      query: { granularity: "minute", from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z" },
      path: "granularity",
    },
    { name: "to before from", query: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }, path: "to" },
  ] as Array<{ name: string; query: Record<string, string>; path: string }>)(
    "should refuse $name",
    async ({ query, path }) => {
      const response = await callRoute(statsRoute, { params: { tenant: tenantId }, key, query });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ error: { details: [expect.objectContaining({ path })] } });
    },
  );
});
