// A small typed client for Hookline's REST API, for platform backends, our benchmarks and our
// browser tests: `createHooklineClient({ baseUrl, apiKey }).messages.publish(tenantId, {…})`.
// Paths, bodies and answers are typed from the OpenAPI document (client/api-types.ts,
// generated); errors come back as HooklineApiError with the API's code, message and details.
import createClient, { type Client } from "openapi-fetch";
import { ApiError, unwrap } from "./api-error";
import type { components, paths } from "./api-types";

type Schemas = components["schemas"];

/** An error answer of the API: its HTTP status, `code`, message and field `details`. */
export { ApiError as HooklineApiError };

export interface HooklineClientOptions {
  /** The server, e.g. https://hooks.example.com (the client adds /api/v1). */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
}

export function createHooklineClient(options: HooklineClientOptions) {
  const api: Client<paths> = createClient<paths>({
    baseUrl: `${options.baseUrl.replace(/\/$/, "")}/api/v1`,
    headers: { authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const tenant = (id: string) => ({ params: { path: { tenant: id } } });

  return {
    /** The underlying openapi-fetch client, for the routes not wrapped below. */
    api,
    tenants: {
      create: (body: Schemas["CreateTenant"]) => unwrap(api.POST("/tenants", { body })),
      get: (id: string) => unwrap(api.GET("/tenants/{tenant}", tenant(id))),
    },
    eventTypes: {
      create: (body: Schemas["CreateEventType"]) => unwrap(api.POST("/event-types", { body })),
      list: () => unwrap(api.GET("/event-types", {})),
    },
    endpoints: {
      create: (tenantId: string, body: Schemas["CreateEndpoint"]) =>
        unwrap(api.POST("/tenants/{tenant}/endpoints", { ...tenant(tenantId), body })),
      list: (tenantId: string) => unwrap(api.GET("/tenants/{tenant}/endpoints", tenant(tenantId))),
      secret: (tenantId: string, endpointId: string) =>
        unwrap(
          api.GET("/tenants/{tenant}/endpoints/{endpoint}/secret", {
            params: { path: { tenant: tenantId, endpoint: endpointId } },
          }),
        ),
    },
    messages: {
      /** Publishes one message; pass an idempotency key to make retries of this call safe. */
      publish: (tenantId: string, body: Schemas["PublishMessage"], options: { idempotencyKey?: string } = {}) =>
        unwrap(
          api.POST("/tenants/{tenant}/messages", {
            ...tenant(tenantId),
            body,
            ...(options.idempotencyKey ? { headers: { "idempotency-key": options.idempotencyKey } } : {}),
          }),
        ),
      publishBatch: (tenantId: string, messages: Schemas["PublishMessage"][]) =>
        unwrap(api.POST("/tenants/{tenant}/messages/batch", { ...tenant(tenantId), body: { messages } })),
      get: (tenantId: string, messageId: string) =>
        unwrap(
          api.GET("/tenants/{tenant}/messages/{message}", {
            params: { path: { tenant: tenantId, message: messageId } },
          }),
        ),
      resend: (tenantId: string, messageId: string, endpointId?: string) =>
        unwrap(
          api.POST("/tenants/{tenant}/messages/{message}/resend", {
            params: { path: { tenant: tenantId, message: messageId } },
            body: endpointId ? { endpointId } : {},
          }),
        ),
    },
  };
}

export type HooklineClient = ReturnType<typeof createHooklineClient>;
