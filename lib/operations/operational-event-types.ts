// Operational webhooks: events about Hookline itself (an endpoint was disabled, is failing, a
// message ran out of retries), delivered by the same engine. They are ordinary catalog entries,
// created on demand, so tenants can subscribe their endpoints to them and the OpenAPI document
// lists them like any other type.
import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";
import { newId } from "@/lib/ids";

const endpointFields = {
  tenantId: { type: "string" },
  endpointId: { type: "string" },
  url: { type: "string", format: "uri" },
} as const;

export const OPERATIONAL_EVENT_TYPES = {
  "endpoint.disabled": {
    description: "An endpoint was disabled: by hand, because it answered 410 Gone, or because it kept failing.",
    schema: {
      type: "object",
      required: ["tenantId", "endpointId", "url", "reason", "disabledAt"],
      properties: {
        ...endpointFields,
        reason: { type: "string" },
        disabledAt: { type: "string", format: "date-time" },
      },
    },
    example: {
      tenantId: "tnt_01JD8Y3Q4ZP8X6V5N2K7R9T0WE",
      endpointId: "ep_01JD8Y3Q4ZP8X6V5N2K7R9T0WF",
      url: "https://example.com/webhooks",
      reason: "failing",
      disabledAt: "2026-11-26T12:00:00.000Z",
    },
  },
  "endpoint.enabled": {
    description: "A disabled endpoint was enabled again.",
    schema: { type: "object", required: ["tenantId", "endpointId", "url"], properties: endpointFields },
    example: {
      tenantId: "tnt_01JD8Y3Q4ZP8X6V5N2K7R9T0WE",
      endpointId: "ep_01JD8Y3Q4ZP8X6V5N2K7R9T0WF",
      url: "https://example.com/webhooks",
    },
  },
  "endpoint.failing": {
    description: "An endpoint that was succeeding started failing (sent at most once an hour per endpoint).",
    schema: {
      type: "object",
      required: ["tenantId", "endpointId", "url", "failingSince"],
      properties: { ...endpointFields, failingSince: { type: "string", format: "date-time" } },
    },
    example: {
      tenantId: "tnt_01JD8Y3Q4ZP8X6V5N2K7R9T0WE",
      endpointId: "ep_01JD8Y3Q4ZP8X6V5N2K7R9T0WF",
      url: "https://example.com/webhooks",
      failingSince: "2026-11-26T12:00:00.000Z",
    },
  },
  "message.attempt.exhausted": {
    description: "A message's delivery to an endpoint failed after its last retry.",
    schema: {
      type: "object",
      required: ["tenantId", "endpointId", "messageId", "eventType", "attempts", "lastError"],
      properties: {
        ...endpointFields,
        messageId: { type: "string" },
        eventType: { type: "string" },
        attempts: { type: "integer" },
        lastError: { type: "string" },
      },
    },
    example: {
      tenantId: "tnt_01JD8Y3Q4ZP8X6V5N2K7R9T0WE",
      endpointId: "ep_01JD8Y3Q4ZP8X6V5N2K7R9T0WF",
      url: "https://example.com/webhooks",
      messageId: "msg_01JD8Y3Q4ZP8X6V5N2K7R9T0WG",
      eventType: "invoice.paid",
      attempts: 8,
      lastError: "HTTP 503 (retries exhausted)",
    },
  },
} as const;

export type OperationalEventType = keyof typeof OPERATIONAL_EVENT_TYPES;

export const OPERATIONAL_TYPE_NAMES = Object.keys(OPERATIONAL_EVENT_TYPES) as OperationalEventType[];

export function isOperationalType(name: string): name is OperationalEventType {
  return Object.hasOwn(OPERATIONAL_EVENT_TYPES, name);
}

let ensured = false;

/** Puts the operational types into the catalog if they are missing (idempotent). */
export async function ensureOperationalEventTypes(client: pg.PoolClient | pg.Pool = pool()): Promise<void> {
  if (ensured) return;
  const names = OPERATIONAL_TYPE_NAMES;
  await client.query(
    `INSERT INTO event_types (id, name, description, schema, example, updated_at)
     SELECT id, name, description, schema::jsonb, example::jsonb, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, name, description, schema, example)
     ON CONFLICT (name) DO NOTHING`,
    [
      names.map(() => newId("eventType")),
      names,
      names.map((name) => OPERATIONAL_EVENT_TYPES[name].description),
      names.map((name) => JSON.stringify(OPERATIONAL_EVENT_TYPES[name].schema)),
      names.map((name) => JSON.stringify(OPERATIONAL_EVENT_TYPES[name].example)),
    ],
  );
  ensured = true;
}
