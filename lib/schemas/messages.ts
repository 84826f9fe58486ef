import { z } from "zod";
import { zEventTypeName, zId, zJsonObject, zPageQuery, zTime, zTimeInput } from "./common";
import { messageListRoutingQuery, messageRoutingFields, messageRoutingView } from "./routing";

export const ZIdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

export const ZPublishMessage = z.strictObject({
  eventType: zEventTypeName,
  payload: zJsonObject,
  idempotencyKey: ZIdempotencyKey.optional(),
  ...messageRoutingFields,
});
export type TPublishMessage = z.infer<typeof ZPublishMessage>;

export const MAX_BATCH = 100;

export const ZPublishBatch = z.strictObject({
  messages: z.array(ZPublishMessage).min(1).max(MAX_BATCH),
});
export type TPublishBatch = z.infer<typeof ZPublishBatch>;

export const zDeliveryStatus = z.enum(["pending", "sending", "succeeded", "failed", "skipped"]);

/** The answer of a publish (202; 200 when an idempotency key repeats an earlier message). */
export const ZPublishedMessage = z.object({
  id: zId("message"),
  eventType: z.string(),
  createdAt: zTime,
  /** How many deliveries (one per subscribed, enabled endpoint) were queued. */
  deliveries: z.number().int(),
});
export const ZPublishedBatch = z.object({
  data: z.array(ZPublishedMessage.extend({ duplicate: z.boolean() })),
});

export const ZListMessagesQuery = zPageQuery("message").extend({
  eventType: zEventTypeName.optional(),
  /** Messages with at least one delivery in this status (to `endpointId`, when given). */
  status: zDeliveryStatus.optional(),
  /** Messages delivered (or being delivered) to this endpoint. */
  endpointId: zId("endpoint").optional(),
  /** Created at or after this time. */
  from: zTimeInput.optional(),
  /** Created before this time. */
  to: zTimeInput.optional(),
  ...messageListRoutingQuery,
});
export type TListMessagesQuery = z.output<typeof ZListMessagesQuery>;

/** Where one endpoint's delivery of a message stands, in brief. */
export const ZEndpointDeliveryState = z.object({
  endpointId: zId("endpoint"),
  status: zDeliveryStatus,
  attemptCount: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
});

export const ZMessageSummary = z.object({
  id: zId("message"),
  eventType: z.string(),
  idempotencyKey: z.string().nullable(),
  ...messageRoutingView,
  createdAt: zTime,
  /** Deliveries of the message by status. */
  deliveries: z.object({
    pending: z.number().int(),
    sending: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    /** The endpoint's transformation gave no result: nothing sent, not a failure. */
    skipped: z.number().int(),
  }),
  /** Each endpoint's delivery of the message, by endpoint id: the per-endpoint badges of a log. */
  endpoints: z.array(ZEndpointDeliveryState),
});

export const ZDeliveryView = z.object({
  id: zId("delivery"),
  endpointId: zId("endpoint"),
  endpointUrl: z.string(),
  status: zDeliveryStatus,
  attemptCount: z.number().int(),
  nextAttemptAt: zTime.nullable(),
  lastAttemptAt: zTime.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: zTime,
  /** The retry delays fixed when the delivery was created; null: the instance's default schedule. */
  retrySchedule: z.array(z.string()).nullable(),
});

export const ZMessageView = z.object({
  id: zId("message"),
  tenantId: zId("tenant"),
  eventType: z.string(),
  payload: zJsonObject,
  idempotencyKey: z.string().nullable(),
  ...messageRoutingView,
  createdAt: zTime,
  deliveries: z.array(ZDeliveryView),
  /** Enabled endpoints subscribed to the type whose payload filter did not match: no delivery. */
  skippedByFilter: z.array(z.object({ endpointId: zId("endpoint"), endpointUrl: z.string().nullable() })),
});

export const ZListAttemptsQuery = zPageQuery("attempt").extend({
  endpointId: zId("endpoint").optional(),
});

export const ZAttemptView = z.object({
  id: zId("attempt"),
  messageId: zId("message"),
  endpointId: zId("endpoint"),
  deliveryId: zId("delivery"),
  number: z.number().int(),
  /** scheduled: on the retry schedule; recovered: the same after "recover" requeued the delivery; manual: a resend; test: a test event. */
  trigger: z.enum(["scheduled", "recovered", "manual", "test", "fetch"]),
  url: z.string(),
  startedAt: zTime,
  durationMs: z.number().int().nullable(),
  /** Headers as sent, with secret-bearing values masked. */
  requestHeaders: z.record(z.string(), z.string()),
  /** The body sent when the endpoint's transformation made it; null: the message's standard envelope. */
  requestBody: z.string().nullable(),
  responseStatus: z.number().int().nullable(),
  responseHeaders: z.record(z.string(), z.string()).nullable(),
  /** The start of the response body (HOOKLINE_RESPONSE_BODY_LIMIT bytes). */
  responseBody: z.string().nullable(),
  /** timeout, dns, connect, tls, ssrf_blocked, transformation, … (null on success). */
  errorKind: z.string().nullable(),
  errorMessage: z.string().nullable(),
});

/** The outcome of one try made right away (resend, test event). */
export const ZAttemptResult = z.object({
  deliveryId: zId("delivery"),
  endpointId: zId("endpoint"),
  /** The receiver's HTTP status; null when no response came (see errorKind). */
  status: z.number().int().nullable(),
  errorKind: z.string().nullable(),
  errorMessage: z.string().nullable(),
  durationMs: z.number(),
  succeeded: z.boolean(),
});

export const ZResendMessage = z.strictObject({
  /** Resend to this endpoint only; every endpoint the message went to when left out. */
  endpointId: zId("endpoint").optional(),
});

export const ZResendResult = z.object({ data: z.array(ZAttemptResult) });
