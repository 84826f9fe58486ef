// What one try left to record (recordAttempts writes a batch of them), and the one rule for a
// successful try. Its own file, so that recording, statistics and health share it without
// importing each other.
import type { NextState } from "@/lib/queue/plan-next-state";
import type { WebhookResponse } from "@/lib/sending/send-webhook";
import type { DeliveryToSend, DeliveryTried } from "@/lib/sending/try-delivery";

/**
 * scheduled: on the retry schedule; recovered: the same after "recover" requeued the delivery;
 * fetch: a polling endpoint's consumer acknowledged it (lib/polling).
 */
export type AttemptTrigger = "scheduled" | "recovered" | "manual" | "test" | "fetch";

export interface AttemptRecord {
  tenantId: string;
  deliveryId: string;
  messageId: string;
  endpointId: string;
  url: string;
  /** The message's event type (for operational events about it). */
  eventType: string;
  /**
   * 1 for the first try of the delivery. What the sender expects; recordAttempts numbers the
   * stored attempt from the delivery's count at the time it is recorded (see numberAttempts).
   */
  number: number;
  trigger: AttemptTrigger;
  response: WebhookResponse;
  /** The body sent when the endpoint's transformation made it (null: the standard envelope). */
  requestBody: string | null;
  /** The delivery's next state (scheduled and test tries); null for a manual resend. */
  next: NextState | null;
}

/** Nothing was sent (the transformation gave no result): no attempt, no statistics, no health. */
export const isSkipped = (record: AttemptRecord) => record.response.skipped === true;

/** A 2xx answer; anything else (another status, no answer) is a failed try. */
export const isSuccess = (response: WebhookResponse) =>
  response.status !== null && response.status >= 200 && response.status <= 299;

/** The record of `tried`, a try of `delivery`; `next` is the delivery's next state (null: a manual resend). */
export function attemptRecord(
  delivery: DeliveryToSend,
  tried: DeliveryTried,
  trigger: AttemptTrigger,
  next: NextState | null,
): AttemptRecord {
  return {
    tenantId: delivery.tenantId,
    deliveryId: delivery.deliveryId,
    messageId: delivery.messageId,
    endpointId: delivery.endpoint.id,
    url: tried.url,
    eventType: delivery.eventType,
    number: delivery.attemptNumber,
    trigger,
    response: tried.response,
    requestBody: tried.requestBody,
    next,
  };
}
