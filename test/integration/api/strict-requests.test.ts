// Request bodies and query strings are strict: a field or parameter the API does not know is a
// 422 naming it, never silently dropped (a typo like `eventtypes` or a field from another
// product, `filter`, would otherwise answer 2xx and do nothing). Walks every documented
// operation, so a route added later is covered too; nested objects are checked through the
// JSON Schemas the OpenAPI document is built from.
process.env.HOOKLINE_API_RATE_LIMIT = "0";

import { beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/openapi";
import { REQUEST_COMPONENTS } from "@/lib/openapi/operations";
import { schemaConverter } from "@/lib/openapi/to-json-schema";
import { CASES } from "../../helpers/api-cases";
import { createWorld, type World } from "../../helpers/api-world";
import { useTestDatabase } from "../../helpers/database";
import { snapshotDatabase } from "../../helpers/database-snapshot";
import { callOperation } from "../../helpers/route-modules";

const WITH_BODY = OPERATIONS.filter((operation) => operation.body);
const WITH_QUERY = OPERATIONS.filter((operation) => operation.query);
const operation = (operationId: string) => OPERATIONS.find((candidate) => candidate.operationId === operationId)!;

/** Paths of JSON Schema objects with named properties that still accept other properties. */
function openObjects(schema: unknown, path = "$"): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, index) => openObjects(item, `${path}[${index}]`));
  if (!schema || typeof schema !== "object") return [];
  const node = schema as Record<string, unknown>;
  const here = node.properties && node.additionalProperties !== false ? [path] : [];
  return [...here, ...Object.entries(node).flatMap(([key, inner]) => openObjects(inner, `${path}.${key}`))];
}

describe("strict requests", () => {
  useTestDatabase();
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it("should document every request body and query string, nested objects included, as closed", () => {
    const converter = schemaConverter(REQUEST_COMPONENTS, "input");
    const schemas = [
      ...Object.entries(converter.components()).map(([id, schema]) => ({ id, schema })),
      ...WITH_BODY.map((op) => ({ id: `${op.operationId} body`, schema: converter.convert(op.body!) })),
      ...WITH_QUERY.map((op) => ({ id: `${op.operationId} query`, schema: converter.convert(op.query!) })),
    ];
    expect(schemas.flatMap(({ id, schema }) => openObjects(schema).map((path) => `${id}: ${path}`))).toEqual([]);
  });

  it.each(WITH_BODY.map((op) => ({ operationId: op.operationId, op })))(
    "should refuse an unknown field in the body of $operationId with a 422 naming it, writing nothing",
    async ({ op }) => {
      const request = await CASES[op.operationId]!(world, world.a);
      const body = { ...((request.body as object | undefined) ?? {}), filtr: { eventType: "invoice.paid" } };
      const before = await snapshotDatabase();
      const response = await callOperation(op, { params: request.params, body, key: world.platformKey });
      expect(response.status, JSON.stringify(response.body)).toBe(422);
      expect(response.body).toEqual({
        error: {
          code: "validation_failed",
          message: "Unknown field 'filtr'.",
          details: expect.arrayContaining([{ path: "filtr", message: "unknown field" }]),
          requestId: expect.any(String),
        },
      });
      expect(await snapshotDatabase()).toBe(before);
    },
  );

  it.each(WITH_QUERY.map((op) => ({ operationId: op.operationId, op })))(
    "should refuse an unknown query parameter on $operationId with a 422 naming it",
    async ({ op }) => {
      const request = await CASES[op.operationId]!(world, world.a);
      const response = await callOperation(op, {
        params: request.params,
        query: { ...request.query, eventtype: "invoice.paid" },
        key: world.platformKey,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(422);
      expect(response.body).toMatchObject({
        error: {
          code: "validation_failed",
          message: "Unknown query parameter 'eventtype'.",
          details: [{ path: "eventtype", message: "unknown field" }],
        },
      });
    },
  );

  it("should name every unknown field of an endpoint, nested ones by their path", async () => {
    const create = operation("createEndpoint");
    const url = "http://127.0.0.1:9/hook";
    const before = await snapshotDatabase();
    const flat = await callOperation(create, {
      params: { tenant: world.a.id },
      body: { url, filters: { amount: { $gt: 5 } }, channel: ["eu"], priority: "high" },
      key: world.platformKey,
    });
    expect(flat.status).toBe(422);
    expect(flat.body).toMatchObject({
      error: {
        message: "Unknown fields 'filters', 'channel', 'priority'.",
        details: [
          { path: "filters", message: "unknown field" },
          { path: "channel", message: "unknown field" },
          { path: "priority", message: "unknown field" },
        ],
      },
    });
    const nested = await callOperation(create, {
      params: { tenant: world.a.id },
      body: { url, auth: { type: "bearer", token: "t0ken", expiresIn: 60 } },
      key: world.platformKey,
    });
    expect(nested.status).toBe(422);
    expect(nested.body).toMatchObject({
      error: { message: "Unknown field 'auth.expiresIn'.", details: [{ path: "auth.expiresIn" }] },
    });
    const batch = await callOperation(operation("publishMessages"), {
      params: { tenant: world.a.id },
      body: { messages: [{ eventType: world.eventType, payload: {}, channel: ["eu"] }] },
      key: world.platformKey,
    });
    expect(batch.status).toBe(422);
    expect(batch.body).toMatchObject({ error: { message: "Unknown field 'messages.0.channel'." } });
    expect(await snapshotDatabase()).toBe(before);
  });

  it("should still accept any keys inside free-form objects: payloads, schemas and custom headers", async () => {
    const published = await callOperation(operation("publishMessage"), {
      params: { tenant: world.a.id },
      body: { eventType: world.eventType, payload: { anything: { goes: [1, 2] }, filter: true } },
      key: world.platformKey,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(202);
    const created = await callOperation(operation("createEndpoint"), {
      params: { tenant: world.a.id },
      body: { url: "http://127.0.0.1:9/hook", headers: { "x-team": "billing" } },
      key: world.platformKey,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });
});
