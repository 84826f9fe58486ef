import { beforeAll, describe, expect, it } from "vitest";
import { POST as archiveRoute } from "@/app/api/v1/event-types/[name]/archive/route";
import { GET as getRoute, PATCH as updateRoute } from "@/app/api/v1/event-types/[name]/route";
import { POST as unarchiveRoute } from "@/app/api/v1/event-types/[name]/unarchive/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/event-types/route";
import { POST as publishRoute } from "@/app/api/v1/tenants/[tenant]/messages/route";
import { db } from "@/lib/db";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant } from "../../helpers/fixtures";

const INVOICE_SCHEMA = {
  type: "object",
  required: ["id", "amount"],
  properties: { id: { type: "string" }, amount: { type: "integer", minimum: 0 } },
};

describe("event types API", () => {
  useTestDatabase();
  let platformKey: string;
  let tenantKey: string;
  let tenantId: string;

  beforeAll(async () => {
    platformKey = await createApiKey();
    tenantId = await createTenant();
    tenantKey = await createApiKey({ tenantId, role: "admin" });
  });

  const create = (body: unknown) => callRoute(createRoute, { params: {}, key: platformKey, body });
  const publish = (eventType: string, payload: unknown = { id: "in_1", amount: 1 }) =>
    callRoute(publishRoute, { params: { tenant: tenantId }, key: tenantKey, body: { eventType, payload } });

  it("should create a type with a schema and example, readable by tenant keys", async () => {
    const created = await create({
      name: "invoice.paid",
      description: "Paid.",
      schema: INVOICE_SCHEMA,
      example: { id: "in_1", amount: 100 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "invoice.paid",
      archived: false,
      schema: INVOICE_SCHEMA,
      example: { id: "in_1", amount: 100 },
    });
    expect((await callRoute(getRoute, { params: { name: "invoice.paid" }, key: tenantKey })).body).toEqual(
      created.body,
    );
  });

  it.each([
    { name: "a duplicate name", body: { name: "invoice.paid" }, status: 409, code: "conflict" },
    { name: "a bad name", body: { name: "has spaces" }, status: 422, code: "validation_failed" },
    {
      name: "a schema that is no JSON Schema",
      body: { name: "bad.schema", schema: { type: "nonsense" } },
      status: 422,
      code: "validation_failed",
    },
    {
      name: "an example that fails the schema",
      body: { name: "bad.example", schema: INVOICE_SCHEMA, example: { id: 1 } },
      status: 422,
      code: "validation_failed",
    },
    { name: "an array as schema", body: { name: "bad.array", schema: [] }, status: 422, code: "validation_failed" },
  ])("should refuse $name, creating nothing", async ({ body, status, code }) => {
    const before = await db().eventType.count();
    const response = await create(body);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { code } });
    expect(await db().eventType.count()).toBe(before);
  });

  it("should keep schema and example consistent on update, and clear them with null", async () => {
    const incompatible = await callRoute(updateRoute, {
      params: { name: "invoice.paid" },
      key: platformKey,
      body: { schema: { type: "object", required: ["currency"] } },
    });
    expect(incompatible.status).toBe(422);
    expect((await db().eventType.findUniqueOrThrow({ where: { name: "invoice.paid" } })).schema).toEqual(
      INVOICE_SCHEMA,
    );

    const both = await callRoute(updateRoute, {
      params: { name: "invoice.paid" },
      key: platformKey,
      body: { schema: { type: "object", required: ["currency"] }, example: { currency: "EUR" } },
    });
    expect(both.status).toBe(200);
    expect((await publish("invoice.paid", { id: "x" })).status).toBe(422); // the new schema applies at once
    const cleared = await callRoute(updateRoute, {
      params: { name: "invoice.paid" },
      key: platformKey,
      body: { schema: null, example: null, description: "Any shape." },
    });
    expect(cleared.body).toMatchObject({ schema: null, example: null, description: "Any shape." });
    expect((await publish("invoice.paid", { anything: true })).status).toBe(202);
  });

  it("should archive (publishing refused, hidden from the list) and unarchive", async () => {
    await create({ name: "order.shipped" });
    const archived = await callRoute(archiveRoute, {
      params: { name: "order.shipped" },
      key: platformKey,
      method: "POST",
    });
    expect(archived.body).toMatchObject({ archived: true, archivedAt: expect.any(String) });
    expect((await publish("order.shipped")).body).toMatchObject({ error: { code: "event_type_archived" } });
    const visible = await callRoute(listRoute, { params: {}, key: tenantKey });
    expect((visible.body as { data: Array<{ name: string }> }).data.map((type) => type.name)).not.toContain(
      "order.shipped",
    );
    const all = await callRoute(listRoute, { params: {}, key: tenantKey, query: { includeArchived: "true" } });
    expect((all.body as { data: Array<{ name: string }> }).data.map((type) => type.name)).toContain("order.shipped");

    const unarchived = await callRoute(unarchiveRoute, {
      params: { name: "order.shipped" },
      key: platformKey,
      method: "POST",
    });
    expect(unarchived.body).toMatchObject({ archived: false, archivedAt: null });
    expect((await publish("order.shipped")).status).toBe(202);
  });

  it("should answer 404 for an unknown type", async () => {
    expect((await callRoute(getRoute, { params: { name: "no.such" }, key: platformKey })).status).toBe(404);
    expect(
      (await callRoute(archiveRoute, { params: { name: "no.such" }, key: platformKey, method: "POST" })).status,
    ).toBe(404);
  });
});
