// Routing at publish: payload filters, channels and tags, through the API as a caller uses it.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createEndpointRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/route";
import { PATCH as updateEndpointRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/route";
import { GET as listMessagesRoute, POST as publish } from "@/app/api/v1/tenants/[tenant]/messages/route";
import { POST as publishBatch } from "@/app/api/v1/tenants/[tenant]/messages/batch/route";
import { GET as getMessageRoute } from "@/app/api/v1/tenants/[tenant]/messages/[message]/route";
import { db } from "@/lib/db";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEventType } from "../../helpers/fixtures";

interface EndpointBody {
  id: string;
  filter: unknown;
  channels: string[];
  ordering: string;
  fifoOnFailure: string;
}
interface ErrorBody {
  error: { code: string; details: Array<{ path: string; message: string }> };
}

describe("routing: payload filters, channels and tags", () => {
  useTestDatabase();
  let tenantId: string;
  let key: string;
  const endpoints: Record<string, string> = {};

  const createEndpoint = (body: Record<string, unknown>) =>
    callRoute(createEndpointRoute, { params: { tenant: tenantId }, key, body });
  const send = (body: unknown) => callRoute(publish, { params: { tenant: tenantId }, key, body });
  const deliveredTo = async (messageId: string) =>
    (await db().delivery.findMany({ where: { messageId }, select: { endpointId: true } }))
      .map((delivery) => Object.keys(endpoints).find((name) => endpoints[name] === delivery.endpointId))
      .sort();

  beforeAll(async () => {
    tenantId = await createTenant("Routing");
    key = await createApiKey({ tenantId, role: "admin" });
    await createTestEventType({ name: "order.placed" });
    await createTestEventType({ name: "order.cancelled" });
    const specs: Record<string, Record<string, unknown>> = {
      all: {},
      big: { filter: { amount: { $gte: 100 }, currency: { $in: ["EUR", "USD"] } } },
      german: { filter: { "customer.country": "DE" }, eventTypes: ["order.placed"] },
      firstSku: { filter: { "items.0.sku": "A-1" } },
      billing: { channels: ["billing"] },
      billingOrShipping: { channels: ["billing", "shipping"], filter: { amount: { $lt: 1000 } } },
    };
    for (const [name, spec] of Object.entries(specs)) {
      const response = await createEndpoint({ url: `http://127.0.0.1:9/${name}`, ...spec });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      endpoints[name] = (response.body as EndpointBody).id;
    }
  });

  it("should echo the routing fields of an endpoint, with defaults", async () => {
    const response = await createEndpoint({ url: "http://127.0.0.1:9/echo", filter: { a: 1 }, channels: ["x", "x"] });
    expect(response.body).toMatchObject({ filter: { a: 1 }, channels: ["x"], ordering: "none", fifoOnFailure: "skip" });
    const id = (response.body as EndpointBody).id;
    const patched = await callRoute(updateEndpointRoute, {
      params: { tenant: tenantId, endpoint: id },
      key,
      method: "PATCH",
      body: { filter: null, ordering: "fifo", fifoOnFailure: "pause" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ filter: null, channels: ["x"], ordering: "fifo", fifoOnFailure: "pause" });
    await db().endpoint.delete({ where: { id } });
  });

  it.each([
    { name: "unknown operator", filter: { amount: { $regex: "^1" } }, path: "filter.amount.$regex" },
    { name: "bad $in", filter: { $or: [{ currency: { $in: "EUR" } }] }, path: "filter.$or.0.currency.$in" },
    { name: "code", filter: { $where: "this.amount > 1" }, path: "filter.$where" },
    { name: "too big", filter: { a: { $in: Array.from({ length: 2000 }, (_, i) => i) } }, path: "filter" },
  ])("should refuse a bad filter ($name) with a 422 naming its path", async ({ filter, path }) => {
    const response = await createEndpoint({ url: "http://127.0.0.1:9/bad", filter });
    expect(response.status).toBe(422);
    expect((response.body as ErrorBody).error.details.map((detail) => detail.path)).toContain(path);
  });

  it.each([
    { name: "channel with capitals", body: { channels: ["Billing"] }, path: "channels.0" },
    { name: "11 channels", body: { channels: Array.from({ length: 11 }, (_, i) => `c${i}`) }, path: "channels" },
    { name: "11 tags", body: { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, path: "tags" },
    { name: "long ordering key", body: { orderingKey: "k".repeat(129) }, path: "orderingKey" },
  ])("should refuse a publish with $name (422)", async ({ body, path }) => {
    const response = await send({ eventType: "order.placed", payload: {}, ...body });
    expect(response.status).toBe(422);
    expect((response.body as ErrorBody).error.details.map((detail) => detail.path)).toContain(path);
  });

  it("should deliver only to endpoints whose filter matches, and record the ones it skipped", async () => {
    const payload = { amount: 250, currency: "EUR", customer: { country: "DE" }, items: [{ sku: "A-1" }] };
    const response = await send({ eventType: "order.placed", payload });
    expect(response.status).toBe(202);
    const { id, deliveries } = response.body as { id: string; deliveries: number };
    expect(await deliveredTo(id)).toEqual(["all", "big", "firstSku", "german"]);
    expect(deliveries).toBe(4);

    const small = await send({
      eventType: "order.placed",
      payload: { amount: 5, currency: "EUR", customer: { country: "FR" }, items: [{ sku: "B-1" }, { sku: "A-1" }] },
    });
    const smallId = (small.body as { id: string }).id;
    expect(await deliveredTo(smallId)).toEqual(["all"]);
    const detail = await callRoute(getMessageRoute, { params: { tenant: tenantId, message: smallId }, key });
    const skipped = (detail.body as { skippedByFilter: Array<{ endpointId: string; endpointUrl: string }> })
      .skippedByFilter;
    expect(skipped.map((entry) => entry.endpointUrl).sort()).toEqual(
      ["http://127.0.0.1:9/big", "http://127.0.0.1:9/firstSku", "http://127.0.0.1:9/german"].sort(),
    );
  });

  it("should not count an endpoint that does not take the type as skipped by its filter", async () => {
    const response = await send({ eventType: "order.cancelled", payload: { amount: 500, currency: "USD" } });
    const id = (response.body as { id: string }).id;
    expect(await deliveredTo(id)).toEqual(["all", "big"]);
    const detail = await callRoute(getMessageRoute, { params: { tenant: tenantId, message: id }, key });
    expect((detail.body as { skippedByFilter: Array<{ endpointId: string }> }).skippedByFilter).toEqual([
      { endpointId: endpoints.firstSku, endpointUrl: "http://127.0.0.1:9/firstSku" },
    ]);
  });

  it("should send a message with channels only to endpoints without channels or sharing one", async () => {
    const response = await send({
      eventType: "order.cancelled",
      payload: { amount: 1 },
      channels: ["shipping", "eu"],
      tags: ["vip", "refund"],
    });
    const id = (response.body as { id: string }).id;
    expect(await deliveredTo(id)).toEqual(["all", "billingOrShipping"]);
    const detail = await callRoute(getMessageRoute, { params: { tenant: tenantId, message: id }, key });
    expect(detail.body).toMatchObject({ channels: ["shipping", "eu"], tags: ["vip", "refund"], orderingKey: null });

    // An endpoint with channels never gets a message without channels; its filter applies too.
    const none = await send({ eventType: "order.cancelled", payload: { amount: 1 } });
    expect(await deliveredTo((none.body as { id: string }).id)).toEqual(["all"]);
    const tooMuch = await send({
      eventType: "order.cancelled",
      payload: { amount: 5000, currency: "EUR" },
      channels: ["billing"],
    });
    expect(await deliveredTo((tooMuch.body as { id: string }).id)).toEqual(["all", "big", "billing"]);
  });

  it("should route each message of a batch by its own channels and payload", async () => {
    const response = await callRoute(publishBatch, {
      params: { tenant: tenantId },
      key,
      body: {
        messages: [
          { eventType: "order.placed", payload: { amount: 100, currency: "USD" }, tags: ["batch"] },
          { eventType: "order.placed", payload: { amount: 1 }, channels: ["billing"], tags: ["batch", "b2"] },
        ],
      },
    });
    expect(response.status).toBe(202);
    const [first, second] = (response.body as { data: Array<{ id: string; deliveries: number }> }).data;
    expect(await deliveredTo(first!.id)).toEqual(["all", "big"]);
    expect(await deliveredTo(second!.id)).toEqual(["all", "billing", "billingOrShipping"]);
    expect(first!.deliveries).toBe(2);
    expect(second!.deliveries).toBe(3);
  });

  it("should list messages by channel and by tag", async () => {
    const list = async (query: Record<string, string>) => {
      const response = await callRoute(listMessagesRoute, { params: { tenant: tenantId }, key, query });
      expect(response.status).toBe(200);
      return (response.body as { data: Array<{ channels: string[]; tags: string[] }> }).data;
    };
    const billing = await list({ channel: "billing" });
    expect(billing).toHaveLength(2);
    expect(billing.every((message) => message.channels.includes("billing"))).toBe(true);
    expect(await list({ tag: "batch" })).toHaveLength(2);
    expect(await list({ tag: "b2", channel: "billing" })).toHaveLength(1);
    expect(await list({ tag: "b2", channel: "shipping" })).toHaveLength(0);
    const paged = await callRoute(listMessagesRoute, {
      params: { tenant: tenantId },
      key,
      query: { tag: "batch", limit: "1" },
    });
    expect((paged.body as { nextCursor: string | null }).nextCursor).not.toBeNull();
    const bad = await callRoute(listMessagesRoute, { params: { tenant: tenantId }, key, query: { channel: "No!" } });
    expect(bad.status).toBe(422);
  });
});
