import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as publish } from "@/app/api/v1/tenants/[tenant]/messages/route";
import { POST as publishBatch } from "@/app/api/v1/tenants/[tenant]/messages/batch/route";
import { db } from "@/lib/db";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

describe("POST /api/v1/tenants/:tenant/messages", () => {
  const databaseUrl = useTestDatabase();
  let tenantId: string;
  let otherTenantId: string;
  let platformKey: string;
  let tenantKey: string;
  let viewerKey: string;
  let otherTenantKey: string;

  beforeAll(async () => {
    tenantId = await createTenant("Acme");
    otherTenantId = await createTenant("Other");
    platformKey = await createApiKey();
    tenantKey = await createApiKey({ tenantId, role: "admin" });
    viewerKey = await createApiKey({ tenantId, role: "viewer" });
    otherTenantKey = await createApiKey({ tenantId: otherTenantId, role: "owner" });
    await createTestEventType({
      name: "invoice.paid",
      schema: {
        type: "object",
        required: ["id", "amount"],
        properties: { id: { type: "string" }, amount: { type: "integer", minimum: 0 } },
      },
    });
    await createTestEventType({ name: "customer.created" });
    await createTestEventType({ name: "old.thing" });
    await db().eventType.update({ where: { name: "old.thing" }, data: { archivedAt: new Date() } });
    await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/all" });
    await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/invoices", eventTypes: ["invoice.paid"] });
    await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/customers", eventTypes: ["customer.created"] });
    await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/off", disabled: true });
    await createTestEndpoint(otherTenantId, { url: "http://127.0.0.1:9/other" });
  });

  const send = (
    body: unknown,
    key: string | null = tenantKey,
    options: { tenant?: string; headers?: Record<string, string> } = {},
  ) => callRoute(publish, { params: { tenant: options.tenant ?? tenantId }, key, body, headers: options.headers });

  async function countRows(table: "messages" | "deliveries") {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
    } finally {
      await client.end();
    }
  }

  it("should accept a message and fan it out to every enabled endpoint subscribed to its type", async () => {
    const response = await send({ eventType: "invoice.paid", payload: { id: "in_1", amount: 4200 } });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^msg_/),
      eventType: "invoice.paid",
      createdAt: expect.any(String),
      deliveries: 2,
    });
    const id = (response.body as { id: string }).id;
    const deliveries = await db().delivery.findMany({ where: { messageId: id }, include: { endpoint: true } });
    expect(deliveries.map((delivery) => new URL(delivery.endpoint.url).pathname).sort()).toEqual(["/all", "/invoices"]);
    expect(deliveries.every((delivery) => delivery.status === "pending" && delivery.tenantId === tenantId)).toBe(true);
    const message = await db().message.findUniqueOrThrow({ where: { id } });
    expect(message.payload).toEqual({ id: "in_1", amount: 4200 });
  });

  it("should accept a platform-wide key for any tenant", async () => {
    const response = await send({ eventType: "customer.created", payload: { name: "Ada" } }, platformKey);
    expect(response.status).toBe(202);
    expect((response.body as { deliveries: number }).deliveries).toBe(2);
  });

  it.each([
    { name: "no key", key: null, expected: { status: 401, code: "unauthorized" } },
    { name: "garbage key", key: "nope", expected: { status: 401, code: "unauthorized" } },
    {
      name: "well-formed unknown key",
      key: `hl_0123456789ab_${"a".repeat(43)}`,
      expected: { status: 401, code: "unauthorized" },
    },
    { name: "viewer key", key: "viewer", expected: { status: 403, code: "forbidden" } },
    { name: "another tenant's key", key: "other", expected: { status: 404, code: "not_found" } },
  ])("should refuse $name", async ({ key, expected }) => {
    const actualKey = key === "viewer" ? viewerKey : key === "other" ? otherTenantKey : key;
    const before = await countRows("messages");
    const response = await send({ eventType: "customer.created", payload: {} }, actualKey);
    expect(response.status).toBe(expected.status);
    expect(response.body).toMatchObject({ error: { code: expected.code, message: expect.any(String) } });
    expect(await countRows("messages")).toBe(before);
  });

  it("should answer 404 for a tenant that does not exist", async () => {
    const response = await send({ eventType: "customer.created", payload: {} }, platformKey, {
      tenant: "tnt_01JZZZZZZZZZZZZZZZZZZZZZZZ",
    });
    expect(response.status).toBe(404);
  });

  it.each([
    {
      name: "unknown event type",
      body: { eventType: "nope.never", payload: {} },
      expected: { status: 422, code: "event_type_unknown" },
    },
    {
      name: "archived event type",
      body: { eventType: "old.thing", payload: {} },
      expected: { status: 422, code: "event_type_archived" },
    },
    {
      name: "payload not matching the schema",
      body: { eventType: "invoice.paid", payload: { id: 7, amount: -1 } },
      expected: { status: 422, code: "payload_schema_mismatch" },
    },
    {
      name: "payload that is an array",
      body: { eventType: "customer.created", payload: [1, 2] },
      expected: { status: 422, code: "validation_failed" },
    },
    {
      name: "missing payload",
      body: { eventType: "customer.created" },
      expected: { status: 422, code: "validation_failed" },
    },
    {
      name: "bad event type name",
      body: { eventType: "has spaces", payload: {} },
      expected: { status: 422, code: "validation_failed" },
    },
    {
      name: "payload over the size limit",
      body: { eventType: "customer.created", payload: { blob: "x".repeat(300 * 1024) } },
      expected: { status: 413, code: "payload_too_large" },
    },
  ])("should reject a $name without writing anything", async ({ body, expected }) => {
    const before = await countRows("messages");
    const response = await send(body);
    expect(response.status).toBe(expected.status);
    expect(response.body).toMatchObject({ error: { code: expected.code } });
    expect(await countRows("messages")).toBe(before);
  });

  it("should list every schema problem with its path", async () => {
    const response = await send({ eventType: "invoice.paid", payload: { id: 7, amount: -1 } });
    expect((response.body as { error: { details: unknown } }).error.details).toEqual(
      expect.arrayContaining([
        { path: "payload.id", message: "must be string" },
        { path: "payload.amount", message: "must be >= 0" },
      ]),
    );
  });

  it("should answer 400 for malformed JSON", async () => {
    const response = await callRoute(publish, {
      params: { tenant: tenantId },
      key: tenantKey,
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
      method: "POST",
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: "invalid_json" } });
  });

  it("should return the original message for a repeated idempotency key, with 200 and no new deliveries", async () => {
    const first = await send({ eventType: "customer.created", payload: { n: 1 } }, tenantKey, {
      headers: { "idempotency-key": "order-42" },
    });
    expect(first.status).toBe(202);
    const deliveriesBefore = await countRows("deliveries");
    // The same request again (its JSON spelled differently) answers the original.
    const again = await callRoute(publish, {
      params: { tenant: tenantId },
      key: tenantKey,
      rawBody: '{ "payload": {"n": 1.0}, "eventType": "customer.created" }',
      headers: { "idempotency-key": "order-42", "content-type": "application/json" },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await countRows("deliveries")).toBe(deliveriesBefore);
    // The key is per tenant: another tenant may use it.
    const elsewhere = await send({ eventType: "customer.created", payload: {} }, otherTenantKey, {
      tenant: otherTenantId,
      headers: { "idempotency-key": "order-42" },
    });
    expect(elsewhere.status).toBe(202);
  });

  it.each([
    {
      name: "another payload",
      body: { eventType: "customer.created", payload: { n: 2 } },
      details: [{ path: "payload", message: "differs from the payload first sent with the key" }],
      says: "different payload",
    },
    {
      name: "another event type",
      body: { eventType: "invoice.paid", payload: { id: "in_1", amount: 1 } },
      details: [
        { path: "eventType", message: "was customer.created when the key was first used" },
        { path: "payload", message: "differs from the payload first sent with the key" },
      ],
      says: "different event type and payload",
    },
  ])("should refuse a key reused with $name with 409 idempotency_key_reused, creating nothing", async (reuse) => {
    const key = `reused-${reuse.name.replaceAll(" ", "-")}`;
    const first = await send({ eventType: "customer.created", payload: { n: 1 } }, tenantKey, {
      headers: { "idempotency-key": key },
    });
    expect(first.status).toBe(202);
    const [messagesBefore, deliveriesBefore] = [await countRows("messages"), await countRows("deliveries")];
    const reused = await send(reuse.body, tenantKey, { headers: { "idempotency-key": key } });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({
      error: {
        code: "idempotency_key_reused",
        message: expect.stringContaining(`'${key}' was first used for message ${(first.body as { id: string }).id}`),
        details: reuse.details,
      },
    });
    expect((reused.body as { error: { message: string } }).error.message).toContain(reuse.says);
    expect([await countRows("messages"), await countRows("deliveries")]).toEqual([messagesBefore, deliveriesBefore]);
    // The original request still answers the original message.
    const retried = await send({ eventType: "customer.created", payload: { n: 1 } }, tenantKey, {
      headers: { "idempotency-key": key },
    });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(first.body);
  });

  it("should create exactly one message when 20 publishes with one key race", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        send({ eventType: "customer.created", payload: { order: 7 }, idempotencyKey: "race-1" }),
      ),
    );
    const ids = new Set(results.map((result) => (result.body as { id: string }).id));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.status === 202)).toHaveLength(1);
    expect(results.filter((result) => result.status === 200)).toHaveLength(19);
    expect(await db().message.count({ where: { idempotencyKey: "race-1" } })).toBe(1);
  });

  it("should accept the same key again once the window has passed", async () => {
    const first = await send({ eventType: "customer.created", payload: {}, idempotencyKey: "old-key" });
    await db().idempotencyKey.update({
      where: { tenantId_key: { tenantId, key: "old-key" } },
      data: { createdAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    const second = await send({ eventType: "customer.created", payload: {}, idempotencyKey: "old-key" });
    expect(second.status).toBe(202);
    expect((second.body as { id: string }).id).not.toBe((first.body as { id: string }).id);
  });

  describe("batch", () => {
    it("should publish many messages in one transaction", async () => {
      const response = await callRoute(publishBatch, {
        params: { tenant: tenantId },
        key: tenantKey,
        body: {
          messages: [
            { eventType: "invoice.paid", payload: { id: "a", amount: 1 } },
            { eventType: "customer.created", payload: {}, idempotencyKey: "batch-dup" },
            { eventType: "customer.created", payload: {}, idempotencyKey: "batch-dup" },
          ],
        },
      });
      expect(response.status).toBe(202);
      const data = (response.body as { data: Array<{ id: string; deliveries: number; duplicate: boolean }> }).data;
      expect(data.map((item) => item.deliveries)).toEqual([2, 2, 2]);
      expect(data.map((item) => item.duplicate)).toEqual([false, false, true]);
      expect(data[2]!.id).toBe(data[1]!.id);
    });

    it("should refuse a batch that reuses a key with another payload, within the batch or from before", async () => {
      const before = await countRows("messages");
      const within = await callRoute(publishBatch, {
        params: { tenant: tenantId },
        key: tenantKey,
        body: {
          messages: [
            { eventType: "customer.created", payload: { n: 1 }, idempotencyKey: "batch-reuse" },
            { eventType: "customer.created", payload: { n: 2 }, idempotencyKey: "batch-reuse" },
          ],
        },
      });
      expect(within.status).toBe(409);
      expect(within.body).toMatchObject({
        error: { code: "idempotency_key_reused", details: [{ path: "messages.1.payload" }] },
      });
      expect(await countRows("messages")).toBe(before);

      const first = await send({ eventType: "customer.created", payload: { n: 1 }, idempotencyKey: "batch-earlier" });
      expect(first.status).toBe(202);
      const publishBoth = (second: object) =>
        callRoute(publishBatch, {
          params: { tenant: tenantId },
          key: tenantKey,
          body: {
            messages: [
              { eventType: "customer.created", payload: {} },
              { eventType: "customer.created", idempotencyKey: "batch-earlier", ...second },
            ],
          },
        });
      const reused = await publishBoth({ payload: { n: 3 } });
      expect(reused.status).toBe(409);
      expect(reused.body).toMatchObject({ error: { details: [{ path: "messages.1.payload" }] } });
      expect(await countRows("messages")).toBe(before + 1);
      const repeated = await publishBoth({ payload: { n: 1 } });
      expect(repeated.status).toBe(202);
      const data = (repeated.body as { data: Array<{ id: string; duplicate: boolean }> }).data;
      expect(data[1]).toMatchObject({ id: (first.body as { id: string }).id, duplicate: true });
    });

    it("should reject the whole batch when one message is invalid, naming it", async () => {
      const before = await countRows("messages");
      const response = await callRoute(publishBatch, {
        params: { tenant: tenantId },
        key: tenantKey,
        body: {
          messages: [
            { eventType: "customer.created", payload: {} },
            { eventType: "invoice.paid", payload: { id: "x" } },
          ],
        },
      });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        error: {
          code: "payload_schema_mismatch",
          details: [{ path: "messages.1.payload", message: "must have required property 'amount'" }],
        },
      });
      expect(await countRows("messages")).toBe(before);
    });

    it("should refuse more than 100 messages", async () => {
      const messages = Array.from({ length: 101 }, () => ({ eventType: "customer.created", payload: {} }));
      const response = await callRoute(publishBatch, {
        params: { tenant: tenantId },
        key: tenantKey,
        body: { messages },
      });
      expect(response.status).toBe(422);
    });
  });
});
