import type { z } from "zod";
import { scheduleFromMs } from "@/lib/queue/retry-schedule";
import type { Attempt, Delivery, Endpoint, Message } from "@/lib/generated/prisma/client";
import type { ZAttemptView, ZDeliveryView, ZMessageSummary, ZMessageView } from "@/lib/schemas/messages";

export type MessageSummary = z.infer<typeof ZMessageSummary>;
export type MessageView = z.infer<typeof ZMessageView>;
export type DeliveryView = z.infer<typeof ZDeliveryView>;
export type AttemptView = z.infer<typeof ZAttemptView>;

type EndpointDeliveryState = MessageSummary["endpoints"][number];

const routingOf = (message: Message) => ({
  channels: message.channels ?? [],
  tags: message.tags ?? [],
  orderingKey: message.orderingKey,
});

/** A log row: the message, its deliveries counted by status, and each endpoint's state. */
export function toMessageSummary(message: Message, endpoints: EndpointDeliveryState[] = []): MessageSummary {
  const deliveries = { pending: 0, sending: 0, succeeded: 0, failed: 0, skipped: 0 };
  for (const endpoint of endpoints) deliveries[endpoint.status] += 1;
  return {
    id: message.id,
    eventType: message.eventType,
    idempotencyKey: message.idempotencyKey,
    ...routingOf(message),
    createdAt: message.createdAt.toISOString(),
    deliveries,
    endpoints,
  };
}

export function toDeliveryView(delivery: Delivery & { endpoint: Pick<Endpoint, "url"> }): DeliveryView {
  return {
    id: delivery.id,
    endpointId: delivery.endpointId,
    endpointUrl: delivery.endpoint.url,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    retrySchedule: scheduleFromMs(delivery.retrySchedule),
    createdAt: delivery.createdAt.toISOString(),
  };
}

export function toMessageView(
  message: Message,
  deliveries: DeliveryView[],
  skippedByFilter: MessageView["skippedByFilter"] = [],
): MessageView {
  return {
    id: message.id,
    tenantId: message.tenantId,
    eventType: message.eventType,
    payload: message.payload as MessageView["payload"],
    idempotencyKey: message.idempotencyKey,
    ...routingOf(message),
    createdAt: message.createdAt.toISOString(),
    deliveries,
    skippedByFilter,
  };
}

export function toAttemptView(attempt: Attempt): AttemptView {
  return {
    id: attempt.id,
    messageId: attempt.messageId,
    endpointId: attempt.endpointId,
    deliveryId: attempt.deliveryId,
    number: attempt.number,
    trigger: attempt.trigger,
    url: attempt.url,
    startedAt: attempt.startedAt.toISOString(),
    durationMs: attempt.durationMs,
    requestHeaders: attempt.requestHeaders as AttemptView["requestHeaders"],
    requestBody: attempt.requestBody,
    responseStatus: attempt.responseStatus,
    responseHeaders: attempt.responseHeaders as AttemptView["responseHeaders"],
    responseBody: attempt.responseBody,
    errorKind: attempt.errorKind,
    errorMessage: attempt.errorMessage,
  };
}
