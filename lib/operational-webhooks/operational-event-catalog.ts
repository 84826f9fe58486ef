// Operational webhooks: events about Hookline itself (an endpoint was disabled, is failing, a
// message ran out of retries), delivered by the same engine. Their names are a reserved
// namespace: the platform's own, never in a tenant's catalog, never published through the API
// (lib/event-types/reserved-event-types.ts), but endpoints may subscribe to them by name. No
// server module here: the dashboard's event-type picker lists them from this file.

const endpointFields = {
  tenantId: { type: "string" },
  endpointId: { type: "string" },
  url: { type: "string", format: "uri" },
} as const;

const incidentFields = {
  tenantId: { type: "string" },
  incidentId: { type: "string" },
  endpointId: { type: "string" },
  kind: { type: "string", enum: ["failure", "alert"] },
  cause: { type: "string" },
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
  "endpoint.certificate_expiring": {
    description:
      "An endpoint's mTLS client certificate expires within 14 days, or has expired (sent at most once a day per endpoint).",
    schema: {
      type: "object",
      required: ["tenantId", "endpointId", "url", "subject", "fingerprint", "notAfter", "expired"],
      properties: {
        ...endpointFields,
        subject: { type: "string" },
        fingerprint: { type: "string" },
        notAfter: { type: "string", format: "date-time" },
        expired: { type: "boolean" },
      },
    },
    example: {
      tenantId: "tnt_01JD8Y3Q4ZP8X6V5N2K7R9T0WE",
      endpointId: "ep_01JD8Y3Q4ZP8X6V5N2K7R9T0WF",
      url: "https://example.com/webhooks",
      subject: "CN=hookline-client",
      fingerprint: "3A:9F:…:C2",
      notAfter: "2026-12-10T12:00:00.000Z",
      expired: false,
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
  "incident.opened": {
    description:
      "An incident opened on an endpoint: the first failure of its cause (http_5xx, timeout, …), a health alert firing (success_rate, latency_p95, backlog), or a resolved incident whose cause returned (`reopened`).",
    schema: {
      type: "object",
      required: ["tenantId", "incidentId", "endpointId", "kind", "cause", "reopened", "openedAt"],
      properties: {
        ...incidentFields,
        reopened: { type: "boolean" },
        openedAt: { type: "string", format: "date-time" },
      },
    },
    example: {
      tenantId: "tnt_01JD8Y3Q4ZP8X6V5N2K7R9T0WE",
      incidentId: "inc_01JD8Y3Q4ZP8X6V5N2K7R9T0WH",
      endpointId: "ep_01JD8Y3Q4ZP8X6V5N2K7R9T0WF",
      kind: "failure",
      cause: "http_5xx",
      reopened: false,
      openedAt: "2026-11-26T12:00:00.000Z",
    },
  },
  "incident.resolved": {
    description:
      "An incident resolved: after enough consecutive successes or its alert clearing (`resolvedBy` auto), or by hand.",
    schema: {
      type: "object",
      required: ["tenantId", "incidentId", "endpointId", "kind", "cause", "resolvedBy", "resolvedAt", "failedAttempts"],
      properties: {
        ...incidentFields,
        resolvedBy: { type: "string" },
        resolvedAt: { type: "string", format: "date-time" },
        failedAttempts: { type: "integer" },
      },
    },
    example: {
      tenantId: "tnt_01JD8Y3Q4ZP8X6V5N2K7R9T0WE",
      incidentId: "inc_01JD8Y3Q4ZP8X6V5N2K7R9T0WH",
      endpointId: "ep_01JD8Y3Q4ZP8X6V5N2K7R9T0WF",
      kind: "failure",
      cause: "http_5xx",
      resolvedBy: "auto",
      resolvedAt: "2026-11-26T12:30:00.000Z",
      failedAttempts: 42,
    },
  },
} as const;

export type OperationalEventType = keyof typeof OPERATIONAL_EVENT_TYPES;

export const OPERATIONAL_TYPE_NAMES = Object.keys(OPERATIONAL_EVENT_TYPES) as OperationalEventType[];

export function isOperationalType(name: string): name is OperationalEventType {
  return Object.hasOwn(OPERATIONAL_EVENT_TYPES, name);
}

/**
 * The reserved namespace: the operational types and every name under their prefixes, so that a
 * later operational event (`endpoint.created`, `message.attempt.failing`) cannot collide with a
 * catalog entry defined meanwhile.
 */
export const RESERVED_EVENT_TYPE_PREFIXES = ["endpoint.", "message.attempt.", "incident."] as const;

export function isReservedEventType(name: string): boolean {
  const lower = name.toLowerCase();
  return isOperationalType(name) || RESERVED_EVENT_TYPE_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
