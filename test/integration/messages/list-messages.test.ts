import { beforeAll, describe, expect, it } from "vitest";
import { GET as attemptsRoute } from "@/app/api/v1/tenants/[tenant]/messages/[message]/attempts/route";
import { GET as getRoute } from "@/app/api/v1/tenants/[tenant]/messages/[message]/route";
import { GET as listRoute } from "@/app/api/v1/tenants/[tenant]/messages/route";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { publishMessages } from "@/lib/messages/publish-messages";
import { callRoute } from "../../helpers/api";
import { recordAttempt } from "../../helpers/api-world";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

type Summary = {
  id: string;
  eventType: string;
  deliveries: Record<string, number>;
  endpoints: Array<{ endpointId: string; status: string; attemptCount: number; lastStatusCode: number | null }>;
};

describe("messages API (reading)", () => {
  useTestDatabase();
  let tenantId: string;
  let key: string;
  let invoices: string;
  let everything: string;
  const ids = { paid: "", customer: "", old: "" };

  beforeAll(async () => {
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "viewer" });
    await createTestEventType({ name: "invoice.paid" });
    await createTestEventType({ name: "customer.created" });
    invoices = (
      await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/invoices", eventTypes: ["invoice.paid"] })
    ).id;
    everything = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/all" })).id;
    const [paid, customer] = await publishMessages(tenantId, [
      { eventType: "invoice.paid", payload: { id: "in_1", amount: 5 } },
      { eventType: "customer.created", payload: { name: "Ada" } },
    ]);
    ids.paid = paid!.id;
    ids.customer = customer!.id;
    // The invoice endpoint's delivery has failed after two tries.
    await recordAttempt(tenantId, ids.paid, invoices, 1);
    await recordAttempt(tenantId, ids.paid, invoices, 2);
    await recordAttempt(tenantId, ids.paid, everything, 1);
    await db().delivery.updateMany({
      where: { messageId: ids.paid, endpointId: invoices },
      data: { status: "failed", attemptCount: 2, lastStatusCode: 500 },
    });
    // A message from a week ago (ids carry their creation time).
    const old = await db().message.create({
      data: {
        id: newId("message", Date.now() - 7 * 86_400_000),
        tenantId,
        eventType: "customer.created",
        payload: { old: true },
        createdAt: new Date(Date.now() - 7 * 86_400_000),
      },
    });
    ids.old = old.id;
  });

  async function list(query: Record<string, string> = {}) {
    const response = await callRoute(listRoute, { params: { tenant: tenantId }, key, query });
    expect(response.status).toBe(200);
    return (response.body as { data: Summary[] }).data;
  }

  it("should list newest first with delivery counts per status", async () => {
    const data = await list();
    expect(data.map((message) => message.id)).toEqual([ids.customer, ids.paid, ids.old].sort().reverse());
    expect(data.find((message) => message.id === ids.paid)!.deliveries).toEqual({
      pending: 1,
      sending: 0,
      succeeded: 0,
      failed: 1,
      skipped: 0,
    });
    expect(data.find((message) => message.id === ids.old)!.deliveries).toEqual({
      pending: 0,
      sending: 0,
      succeeded: 0,
      failed: 0,
      skipped: 0,
    });
  });

  it("should give each endpoint's delivery state per message, for the log's badges", async () => {
    const data = await list();
    const paid = data.find((message) => message.id === ids.paid)!;
    expect(paid.endpoints).toEqual(
      [
        { endpointId: invoices, status: "failed", attemptCount: 2, lastStatusCode: 500 },
        { endpointId: everything, status: "pending", attemptCount: 0, lastStatusCode: null },
      ].sort((a, b) => a.endpointId.localeCompare(b.endpointId)),
    );
    expect(data.find((message) => message.id === ids.customer)!.endpoints).toEqual([
      { endpointId: everything, status: "pending", attemptCount: 0, lastStatusCode: null },
    ]);
    expect(data.find((message) => message.id === ids.old)!.endpoints).toEqual([]);
  });

  it.each([
    { name: "event type", query: { eventType: "invoice.paid" }, expected: ["paid"] },
    { name: "status", query: { status: "failed" }, expected: ["paid"] },
    { name: "endpoint", query: { endpointId: "invoices" }, expected: ["paid"] },
    { name: "endpoint and status together", query: { endpointId: "everything", status: "failed" }, expected: [] },
    { name: "time from", query: { from: "1d" }, expected: ["customer", "paid"] },
    { name: "time to", query: { to: "1d" }, expected: ["old"] },
    { name: "an empty time range", query: { from: "1d", to: "8d" }, expected: [] },
  ] as Array<{ name: string; query: Record<string, string>; expected: Array<keyof typeof ids> }>)(
    "should filter by $name",
    async ({ query, expected }) => {
      const resolved: Record<string, string> = {};
      for (const [name, value] of Object.entries(query)) {
        if (name === "endpointId") resolved[name] = value === "invoices" ? invoices : everything;
        else if (name === "from" || name === "to")
          resolved[name] = new Date(Date.now() - Number.parseInt(value) * 86_400_000).toISOString();
        else resolved[name] = value;
      }
      const data = await list(resolved);
      expect(data.map((message) => message.id).sort()).toEqual(expected.map((name) => ids[name]).sort());
    },
  );

  it.each([
    { query: { status: "bogus" }, path: "status" },
    { query: { from: "yesterday" }, path: "from" },
    { query: { endpointId: "ep_1" }, path: "endpointId" },
    { query: { eventType: "has spaces" }, path: "eventType" },
  ] as Array<{ query: Record<string, string>; path: string }>)(
    "should answer 422 for a bad $path filter",
    async ({ query, path }) => {
      const response = await callRoute(listRoute, { params: { tenant: tenantId }, key, query });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ error: { details: [expect.objectContaining({ path })] } });
    },
  );

  it("should get a message with its payload and each endpoint's delivery", async () => {
    const response = await callRoute(getRoute, { params: { tenant: tenantId, message: ids.paid }, key });
    expect(response.status).toBe(200);
    const message = response.body as {
      payload: unknown;
      deliveries: Array<{
        endpointId: string;
        endpointUrl: string;
        status: string;
        attemptCount: number;
        lastStatusCode: number | null;
      }>;
    };
    expect(message.payload).toEqual({ id: "in_1", amount: 5 });
    expect(message.deliveries.map((delivery) => [delivery.endpointUrl, delivery.status]).sort()).toEqual([
      ["http://127.0.0.1:9/all", "pending"],
      ["http://127.0.0.1:9/invoices", "failed"],
    ]);
  });

  it("should list a message's attempts with request and response detail, per endpoint on request", async () => {
    const all = await callRoute(attemptsRoute, { params: { tenant: tenantId, message: ids.paid }, key });
    const attempts = (
      all.body as {
        data: Array<{
          endpointId: string;
          number: number;
          requestHeaders: object;
          responseStatus: number;
          responseBody: string;
        }>;
      }
    ).data;
    expect(attempts).toHaveLength(3);
    expect(attempts[0]).toMatchObject({
      requestHeaders: { "webhook-id": ids.paid },
      responseStatus: 500,
      responseBody: "boom",
    });
    const one = await callRoute(attemptsRoute, {
      params: { tenant: tenantId, message: ids.paid },
      key,
      query: { endpointId: invoices },
    });
    expect((one.body as { data: Array<{ number: number }> }).data.map((attempt) => attempt.number)).toEqual([2, 1]);
    expect(
      (await callRoute(attemptsRoute, { params: { tenant: tenantId, message: newId("message") }, key })).status,
    ).toBe(404);
  });

  // Deliveries and attempts are read from the message's day on (lib/messages/id-floor.ts): an old
  // message's delivery (stamped with its time) and a try made days later are both found. Last:
  // it adds a message the listings above do not expect.
  it("should find an old message's delivery and a try of days later", async () => {
    const at = Date.now() - 3 * 86_400_000;
    const message = await db().message.create({
      data: { id: newId("message", at), tenantId, eventType: "invoice.paid", payload: {}, createdAt: new Date(at) },
    });
    const delivery = await db().delivery.create({
      data: {
        id: newId("delivery", at),
        tenantId,
        messageId: message.id,
        endpointId: invoices,
        status: "succeeded",
        attemptCount: 2,
        createdAt: new Date(at),
      },
    });
    for (const [number, time] of [
      [1, at + 1_000],
      [2, Date.now()],
    ] as const)
      await db().attempt.create({
        data: {
          id: newId("attempt", time),
          tenantId,
          deliveryId: delivery.id,
          messageId: message.id,
          endpointId: invoices,
          number,
          trigger: number === 1 ? "scheduled" : "manual",
          url: "http://127.0.0.1:9/invoices",
          startedAt: new Date(time),
          responseStatus: number === 1 ? 500 : 200,
          requestHeaders: {},
        },
      });
    const detail = await callRoute(getRoute, { params: { tenant: tenantId, message: message.id }, key });
    expect((detail.body as { deliveries: Array<{ status: string }> }).deliveries.map((d) => d.status)).toEqual([
      "succeeded",
    ]);
    const attempts = await callRoute(attemptsRoute, { params: { tenant: tenantId, message: message.id }, key });
    expect((attempts.body as { data: Array<{ number: number }> }).data.map((attempt) => attempt.number)).toEqual([
      2, 1,
    ]);
    const page = await list({ to: new Date(at + 60_000).toISOString(), from: new Date(at - 60_000).toISOString() });
    expect(page.map((summary) => [summary.id, summary.endpoints.map((state) => state.status)])).toEqual([
      [message.id, ["succeeded"]],
    ]);
  });
});
