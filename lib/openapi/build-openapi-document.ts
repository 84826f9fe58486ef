// GET /api/v1/openapi.json: OpenAPI 3.1 generated from the operation list and its zod schemas
// (never written by hand), plus a `webhooks` section generated from the live event-type catalog.
// The API part depends only on the code and the public URL, so it is built once per process;
// the catalog is read on every request, so a new event type shows up at once.
import "server-only";
import { env } from "@/lib/env";
import { ERROR_STATUS } from "@/lib/errors";
import { listAllEventTypes } from "@/lib/event-types/list-event-types";
import { ZErrorBody } from "@/lib/schemas/common";
import { processState } from "@/lib/process-state";
import { pathParamSchema } from "@/lib/schemas/path-params";
import { HOOKLINE_VERSION } from "@/lib/version";
import { errorStatuses, type Access, type ApiOperation } from "./api-operation";
import { OPERATIONS, REQUEST_COMPONENTS, RESPONSE_COMPONENTS } from "./operations";
import { ROUTING_GUIDE } from "./routing";
import { schemaConverter, type SchemaConverter } from "./to-json-schema";
import { buildWebhooksSection } from "./webhooks-section";

type JsonObject = Record<string, unknown>;

const ACCESS_NOTE: Record<Access, string> = {
  public: "No API key needed.",
  authenticated: "Any valid API key.",
  platform: "Operators only: a platform-wide API key.",
  read: "Any role in the tenant (viewer and up).",
  write: "Role admin or owner in the tenant.",
  manage: "Role owner in the tenant.",
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed JSON (`invalid_json`).",
  401: "No API key, or not a valid one (`unauthorized`).",
  403: "Your role does not allow this (`forbidden`).",
  404: "No such object, or it belongs to another tenant (`not_found`).",
  409: "Conflicts with the current state (`conflict`, `last_owner`, …).",
  413: "The body is too large (`payload_too_large`).",
  415: "The body is not JSON (`unsupported_media_type`).",
  422: "The input is not valid (`validation_failed` and friends), with field paths in `details`.",
  429: "Rate limited (`rate_limited`); retry after `Retry-After` seconds.",
};

function parameters(operation: ApiOperation, input: SchemaConverter): JsonObject[] {
  const list: JsonObject[] = [];
  for (const [, name] of operation.path.matchAll(/\{(\w+)\}/g)) {
    const schema = pathParamSchema(name!);
    if (!schema)
      throw new Error(`${operation.operationId}: no schema for path parameter {${name}} in lib/schemas/path-params.ts`);
    list.push({ name, in: "path", required: true, schema: input.convert(schema) });
  }
  if (operation.query) {
    const query = input.convert(operation.query) as { properties?: Record<string, JsonObject>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      list.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema });
    }
  }
  for (const header of operation.headers ?? []) {
    list.push({
      name: header.name,
      in: "header",
      required: false,
      description: header.description,
      schema: input.convert(header.schema),
    });
  }
  return list;
}

function operationObject(operation: ApiOperation, input: SchemaConverter, output: SchemaConverter): JsonObject {
  const responses: JsonObject = {};
  for (const response of operation.responses) {
    responses[String(response.status)] = {
      description: response.description,
      ...(response.schema ? { content: { "application/json": { schema: output.convert(response.schema) } } } : {}),
    };
  }
  for (const status of errorStatuses(operation))
    responses[String(status)] = { $ref: `#/components/responses/Error${status}` };
  const params = parameters(operation, input);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, ACCESS_NOTE[operation.access]].filter(Boolean).join("\n\n"),
    tags: [operation.tag],
    ...(operation.access === "public" ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: !operation.bodyOptional,
            content: { "application/json": { schema: input.convert(operation.body) } },
          },
        }
      : {}),
    responses,
    "x-hookline-access": operation.access,
  };
}

function errorResponses(): JsonObject {
  const responses: JsonObject = {};
  for (const [status, description] of Object.entries(ERROR_DESCRIPTIONS)) {
    responses[`Error${status}`] = {
      description,
      ...(status === "429"
        ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer", minimum: 1 } } } }
        : {}),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return responses;
}

/** The REST part of the document (no webhooks section, no database): also the typed client's source. */
export function buildApiPart(publicUrl: string): JsonObject {
  const input = schemaConverter(REQUEST_COMPONENTS, "input");
  const output = schemaConverter({ ...RESPONSE_COMPONENTS, Error: ZErrorBody }, "output");
  const paths: Record<string, JsonObject> = {};
  for (const operation of OPERATIONS) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = operationObject(operation, input, output);
  }
  const responseSchemas = output.components();
  // The codes are part of the API: list them (the zod schema says only "string").
  const errorSchema = responseSchemas.Error as { properties: { error: { properties: JsonObject } } };
  errorSchema.properties.error.properties.code = { type: "string", enum: Object.keys(ERROR_STATUS) };
  return {
    openapi: "3.1.0",
    info: {
      title: "Hookline API",
      version: HOOKLINE_VERSION,
      summary: "Signed, retried, logged webhooks: publish events, manage tenants, endpoints and keys.",
      description:
        'Authenticate with `Authorization: Bearer <api key>`. Lists are newest first and keyset-paginated: `?limit=1..250` (default 50) and `?cursor=` set to the previous page\'s `nextCursor`. Every error is `{"error": {"code", "message", "details"?}}`. The `webhooks` section describes what Hookline sends to your endpoints, one entry per event type.\n\n' +
        ROUTING_GUIDE,
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    security: [{ apiKey: [] }],
    tags: [...new Set(OPERATIONS.map((operation) => operation.tag)), "Webhooks"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", bearerFormat: "hl_<prefix>_<secret>" } },
      schemas: { ...input.components(), ...responseSchemas },
      responses: errorResponses(),
    },
  };
}

export async function buildOpenApiDocument(): Promise<JsonObject> {
  const settings = env();
  const cached = processState("openapi.document", () => new Map<string, JsonObject>());
  let document = cached.get(settings.HOOKLINE_PUBLIC_URL);
  if (!document) {
    cached.clear();
    document = buildApiPart(settings.HOOKLINE_PUBLIC_URL);
    cached.set(settings.HOOKLINE_PUBLIC_URL, document);
  }
  const webhooks = buildWebhooksSection(await listAllEventTypes(), settings.HOOKLINE_RETRY_SCHEDULE);
  return { ...document, webhooks };
}
