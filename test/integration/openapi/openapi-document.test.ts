// GET /api/v1/openapi.json: a valid OpenAPI 3.1 document (checked by an independent validator),
// every operation documented with its access and errors, and a `webhooks` section that follows
// the live event-type catalog.
import { validate } from "@readme/openapi-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDocument } from "@/app/api/v1/openapi.json/route";
import { PATCH as updateEventTypeRoute } from "@/app/api/v1/event-types/[name]/route";
import { POST as archive } from "@/app/api/v1/event-types/[name]/archive/route";
import { POST as createEventTypeRoute } from "@/app/api/v1/event-types/route";
import { OPERATIONS } from "@/lib/openapi";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey } from "../../helpers/fixtures";

type Document = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId: string; responses: Record<string, unknown>; security?: unknown[] }>
  >;
  webhooks: Record<
    string,
    {
      post: {
        deprecated?: boolean;
        parameters: Array<{ name: string; in: string }>;
        requestBody: {
          content: {
            "application/json": { schema: { properties: { type: unknown; data: unknown } }; example?: unknown };
          };
        };
      };
    }
  >;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

describe("GET /api/v1/openapi.json", () => {
  useTestDatabase();
  let platformKey: string;

  beforeAll(async () => {
    platformKey = await createApiKey();
  });

  const fetchDocument = async () => {
    const response = await callRoute(getDocument, { params: {}, key: null });
    expect(response.status).toBe(200);
    return response.body as Document;
  };

  const addEventType = (body: unknown) => callRoute(createEventTypeRoute, { params: {}, key: platformKey, body });

  it("should be valid OpenAPI 3.1, served without an API key", async () => {
    await addEventType({
      name: "invoice.paid",
      description: "An invoice was paid.",
      schema: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
      example: { id: "in_1" },
    });
    const document = await fetchDocument();
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("should document every operation, with the bearer scheme and error answers", async () => {
    const document = await fetchDocument();
    for (const operation of OPERATIONS) {
      const documented = document.paths[operation.path]?.[operation.method];
      expect(documented?.operationId, `${operation.method} ${operation.path}`).toBe(operation.operationId);
      if (operation.access !== "public") expect(documented!.responses).toHaveProperty("401");
    }
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.paths["/openapi.json"]!.get!.security).toEqual([]);
    expect(document.components.schemas).toHaveProperty("Endpoint");
    expect(JSON.stringify(document.components.schemas.Endpoint)).not.toMatch(/secret/i);
  });

  it("should describe each event type's webhook: envelope with its schema as data, signature headers, example", async () => {
    const document = await fetchDocument();
    const webhook = document.webhooks["invoice.paid"]!.post;
    expect(webhook.parameters.map((parameter) => `${parameter.in}:${parameter.name}`)).toEqual([
      "header:webhook-id",
      "header:webhook-timestamp",
      "header:webhook-signature",
    ]);
    const media = webhook.requestBody.content["application/json"];
    expect(media.schema.properties.type).toEqual({ const: "invoice.paid" });
    expect(media.schema.properties.data).toEqual({
      type: "object",
      required: ["id"],
      properties: { id: { type: "string" } },
    });
    expect(media.example).toMatchObject({ type: "invoice.paid", data: { id: "in_1" } });
  });

  it("should change its webhooks section when the catalog changes", async () => {
    const before = await fetchDocument();
    expect(before.webhooks).not.toHaveProperty("customer.created");

    await addEventType({
      name: "customer.created",
      schema: { type: "object", properties: { email: { type: "string", format: "email" } } },
    });
    const added = await fetchDocument();
    expect(Object.keys(added.webhooks)).toEqual(expect.arrayContaining(["invoice.paid", "customer.created"]));
    expect(
      added.webhooks["customer.created"]!.post.requestBody.content["application/json"].schema.properties.data,
    ).toMatchObject({ properties: { email: { format: "email" } } });

    await callRoute(updateEventTypeRoute, {
      params: { name: "customer.created" },
      key: platformKey,
      body: { schema: { type: "object", required: ["email"] } },
    });
    expect(
      (await fetchDocument()).webhooks["customer.created"]!.post.requestBody.content["application/json"].schema
        .properties.data,
    ).toEqual({ type: "object", required: ["email"] });

    await callRoute(archive, { params: { name: "customer.created" }, key: platformKey, method: "POST" });
    const archived = await fetchDocument();
    expect(archived.webhooks["customer.created"]!.post.deprecated).toBe(true);
    const result = await validate(structuredClone(archived) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });
});
