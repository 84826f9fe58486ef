// The routes over the delivery operations (lib/deliveries, lib/queue, lib/stats): send a test event,
// resend a message, recover failed deliveries, read statistics — against a real receiver on
// loopback, checking what the receiver got and what the API answered.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as recoverRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/recover/route";
import { GET as statsRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/stats/route";
import { POST as testRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/test/route";
import { GET as attemptsRoute } from "@/app/api/v1/tenants/[tenant]/messages/[message]/attempts/route";
import { POST as resendRoute } from "@/app/api/v1/tenants/[tenant]/messages/[message]/resend/route";
import { db } from "@/lib/db";
import { disableEndpoint, enableEndpoint } from "@/lib/endpoints";
import { publishMessages } from "@/lib/messages/publish-messages";
import { addSample, emptyHistogram } from "@/lib/stats";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { insertStatsRow } from "../../helpers/stats";
import {
  createApiKey,
  createTenant,
  createTestEndpoint,
  createTestEventType,
  endpointSecret,
} from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";

describe("delivery operations API", () => {
  useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;
  let key: string;
  let endpointId: string;
  let otherEndpointId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "admin" });
    await createTestEventType({ name: "invoice.paid", example: { id: "in_example", amount: 4200 } });
    endpointId = (await createTestEndpoint(tenantId, { url: receiver.url("/hooks") })).id;
    otherEndpointId = (
      await createTestEndpoint(tenantId, { url: receiver.url("/other"), eventTypes: ["invoice.paid"] })
    ).id;
  });
  afterAll(() => receiver.close());

  const at = (endpoint = endpointId) => ({ tenant: tenantId, endpoint });

  it("should send a test event with the type's example, signed, and answer with the outcome", async () => {
    const before = receiver.at("/hooks").length;
    const response = await callRoute(testRoute, { params: at(), key, body: { eventType: "invoice.paid" } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      endpointId,
      messageId: expect.stringMatching(/^msg_/),
      status: 204,
      succeeded: true,
      errorKind: null,
    });
    const received = receiver.at("/hooks")[before]!;
    const payload = new Webhook(await endpointSecret(endpointId)).verify(received.body, received.headers);
    expect(payload).toMatchObject({ type: "invoice.paid", data: { id: "in_example", amount: 4200 } });
    expect(receiver.at("/other")).toHaveLength(0); // only the endpoint under test
  });

  it("should report a failing receiver in the answer, not as an API error", async () => {
    receiver.on("/failing", { status: 503, body: "down" });
    const failing = await createTestEndpoint(tenantId, { url: receiver.url("/failing") });
    const response = await callRoute(testRoute, { params: at(failing.id), key, body: { eventType: "invoice.paid" } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 503, succeeded: false });
  });

  it.each([
    { name: "an unknown event type", body: { eventType: "nope.never" }, code: "event_type_unknown" },
    { name: "no event type", body: {}, code: "validation_failed" },
  ])("should refuse a test event with $name", async ({ body, code }) => {
    const response = await callRoute(testRoute, { params: at(), key, body });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code } });
  });

  it("should resend a message now to one endpoint or to all, recording manual attempts", async () => {
    const [message] = await publishMessages(tenantId, [{ eventType: "invoice.paid", payload: { id: "in_9" } }]);
    const one = await callRoute(resendRoute, {
      params: { tenant: tenantId, message: message!.id },
      key,
      body: { endpointId: otherEndpointId },
    });
    expect(one.status).toBe(200);
    expect((one.body as { data: unknown[] }).data).toEqual([
      expect.objectContaining({ endpointId: otherEndpointId, succeeded: true }),
    ]);
    const all = await callRoute(resendRoute, {
      params: { tenant: tenantId, message: message!.id },
      key,
      method: "POST",
    });
    const resentTo = (all.body as { data: Array<{ endpointId: string }> }).data.map((result) => result.endpointId);
    expect(resentTo).toEqual(expect.arrayContaining([endpointId, otherEndpointId]));
    const attempts = await callRoute(attemptsRoute, { params: { tenant: tenantId, message: message!.id }, key });
    const triggers = (attempts.body as { data: Array<{ trigger: string }> }).data.map((attempt) => attempt.trigger);
    expect(triggers).toEqual(Array(resentTo.length + 1).fill("manual"));

    const notDelivered = await createTestEndpoint(tenantId, { url: receiver.url("/late") });
    expect(
      (
        await callRoute(resendRoute, {
          params: { tenant: tenantId, message: message!.id },
          key,
          body: { endpointId: notDelivered.id },
        })
      ).status,
    ).toBe(404);
  });

  it("should recover an endpoint's failed deliveries since a time", async () => {
    const recovering = await createTestEndpoint(tenantId, { url: receiver.url("/recovering") });
    await publishMessages(tenantId, [
      { eventType: "invoice.paid", payload: {} },
      { eventType: "invoice.paid", payload: {} },
    ]);
    await disableEndpoint(null, tenantId, recovering.id); // fails what was queued
    expect(
      (
        await callRoute(recoverRoute, {
          params: at(recovering.id),
          key,
          body: { since: new Date(Date.now() - 3_600_000).toISOString() },
        })
      ).body,
    ).toMatchObject({ error: { code: "endpoint_disabled" } });
    await enableEndpoint(null, tenantId, recovering.id);

    const response = await callRoute(recoverRoute, {
      params: at(recovering.id),
      key,
      body: { since: new Date(Date.now() - 3_600_000).toISOString() },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ requeued: 2 });
    const statuses = await db().delivery.findMany({ where: { endpointId: recovering.id }, select: { status: true } });
    expect(statuses.map((delivery) => delivery.status)).toEqual(["pending", "pending"]);
    expect(
      (await callRoute(recoverRoute, { params: at(recovering.id), key, body: { since: new Date().toISOString() } }))
        .body,
    ).toEqual({ requeued: 0 });
  });

  it.each([
    { name: "no since", body: {}, path: "since" },
    { name: "a since that is no time", body: { since: "yesterday" }, path: "since" },
    {
      name: "an until before since",
      body: { since: "2026-02-01T00:00:00Z", until: "2026-01-01T00:00:00Z" },
      path: "until",
    },
  ])("should refuse to recover with $name", async ({ body, path }) => {
    const response = await callRoute(recoverRoute, { params: at(), key, body });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { details: [expect.objectContaining({ path })] } });
  });

  it("should answer statistics over a range from the per-minute rollups", async () => {
    const quiet = (await createTestEndpoint(tenantId, { url: receiver.url("/quiet"), eventTypes: ["invoice.paid"] }))
      .id;
    const minute = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000); // the start of the previous hour
    let histogram = emptyHistogram();
    for (const ms of [10, 20, 30, 400]) histogram = addSample(histogram, ms);
    await insertStatsRow({
      endpointId: quiet,
      minute,
      tenantId,
      succeeded: 3,
      failed: 1,
      latencySumMs: 460,
      histogram,
    });
    const response = await callRoute(statsRoute, {
      params: at(quiet),
      key,
      query: {
        from: minute.toISOString(),
        to: new Date(minute.getTime() + 2 * 3_600_000).toISOString(),
        granularity: "hour",
      },
    });
    expect(response.status).toBe(200);
    const stats = response.body as {
      totals: { total: number; succeeded: number; successRate: number; p50Ms: number };
      series: Array<{ time: string; total: number }>;
    };
    expect(stats.totals).toMatchObject({ total: 4, succeeded: 3, successRate: 0.75 });
    expect(stats.totals.p50Ms).toBeGreaterThan(0);
    expect(stats.series.map((point) => point.total)).toEqual([4, 0]);

    const byDefault = await callRoute(statsRoute, { params: at(quiet), key });
    expect((byDefault.body as { series: unknown[] }).series.length).toBeGreaterThanOrEqual(24);
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
    "should refuse statistics with $name",
    async ({ query, path }) => {
      const response = await callRoute(statsRoute, { params: at(), key, query });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ error: { details: [expect.objectContaining({ path })] } });
    },
  );
});
