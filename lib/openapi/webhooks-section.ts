// The document's top-level `webhooks` (OpenAPI 3.1): what Hookline POSTs to receivers, one
// entry per event type of the live catalog, so a receiver's developer sees every event's body
// and can generate types for it. Archived types stay listed, marked deprecated: messages of
// them may still be retried or resent.
import type { EventTypeView } from "@/lib/event-types/event-type-view";

type JsonObject = Record<string, unknown>;

const SIGNATURE_HEADERS = [
  {
    name: "webhook-id",
    description: "The message id (`msg_…`), the same on every retry: deduplicate on it.",
    schema: { type: "string" },
  },
  {
    name: "webhook-timestamp",
    description: "Unix seconds when this attempt was signed; refuse stale ones (e.g. older than 5 minutes).",
    schema: { type: "string", pattern: "^[0-9]+$" },
  },
  {
    name: "webhook-signature",
    description:
      "Space-separated `v1,<base64>` signatures: HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}` with the endpoint's `whsec_` secret (Standard Webhooks). During a secret rotation there is one per secret; accept the message when any matches.",
    schema: { type: "string" },
  },
].map((header) => ({ ...header, in: "header", required: true }));

function receiverResponses(retrySchedule: string): JsonObject {
  return {
    "2XX": { description: "Received. Any 2xx settles the delivery." },
    "410": { description: "Gone: the endpoint is disabled and nothing more is sent to it." },
    "4XX": { description: "Rejected, not retried (408 and 429 are retried; 429 honours Retry-After)." },
    "5XX": {
      description: `Failed; retried after ${retrySchedule.split(",").join(", ")}, then given up (timeouts and network errors alike).`,
    },
  };
}

function envelopeSchema(eventType: EventTypeView): JsonObject {
  return {
    type: "object",
    required: ["type", "timestamp", "data"],
    properties: {
      type: { const: eventType.name },
      timestamp: {
        type: "string",
        format: "date-time",
        description: "When the message was published (the same on every retry).",
      },
      data: eventType.schema ?? { type: "object", description: "The payload as published." },
    },
  };
}

export function buildWebhooksSection(
  eventTypes: readonly EventTypeView[],
  retrySchedule: string,
): Record<string, JsonObject> {
  const responses = receiverResponses(retrySchedule);
  const webhooks: Record<string, JsonObject> = {};
  for (const eventType of eventTypes) {
    const media: JsonObject = { schema: envelopeSchema(eventType) };
    if (eventType.example)
      media.example = { type: eventType.name, timestamp: "2026-01-01T12:00:00.000Z", data: eventType.example };
    webhooks[eventType.name] = {
      post: {
        operationId: `webhook:${eventType.name}`,
        summary: eventType.name,
        ...(eventType.description ? { description: eventType.description } : {}),
        tags: ["Webhooks"],
        ...(eventType.archived ? { deprecated: true } : {}),
        security: [],
        parameters: SIGNATURE_HEADERS,
        requestBody: { required: true, content: { "application/json": media } },
        responses,
      },
    };
  }
  return webhooks;
}
