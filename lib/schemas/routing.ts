// The routing fields of endpoints and messages (lib/routing): payload filter, channels, tags
// and FIFO ordering. Kept apart from endpoints.ts and messages.ts, which spread them in.
import { z } from "zod";
import { ZFilter } from "@/lib/routing/filter";

export const ROUTING_LIMITS = {
  channelsMax: 10,
  tagsMax: 10,
  labelMaxLength: 64,
  orderingKeyMaxLength: 128,
} as const;

export const CHANNEL_NAME = /^[a-z0-9._-]+$/;

export const zChannel = z
  .string()
  .min(1)
  .max(ROUTING_LIMITS.labelMaxLength)
  .regex(CHANNEL_NAME, "must be lower-case letters, digits, '.', '_' and '-'");
export const zChannels = z.array(zChannel).max(ROUTING_LIMITS.channelsMax);
export const zTag = z.string().trim().min(1).max(ROUTING_LIMITS.labelMaxLength);

export const zOrdering = z.enum(["none", "fifo"]);
export const zFifoOnFailure = z.enum(["skip", "pause"]);

/** Endpoint create (and, without defaults, update): spread into ZCreateEndpoint. */
export const endpointRoutingFields = {
  /** Only payloads that match this query are delivered (null: every payload). */
  filter: ZFilter.nullable().default(null),
  /** Only messages published to one of these channels are delivered (empty: every message). */
  channels: zChannels.default([]),
  /** "fifo": messages with one ordering key are sent one at a time, in publish order. */
  ordering: zOrdering.default("none"),
  /** FIFO: after a key's head finally fails, move on ("skip") or disable the endpoint ("pause"). */
  fifoOnFailure: zFifoOnFailure.default("skip"),
};

export const endpointRoutingView = {
  filter: z.record(z.string(), z.unknown()).nullable(),
  channels: z.array(z.string()),
  ordering: zOrdering,
  fifoOnFailure: zFifoOnFailure,
};

/** Publish: spread into ZPublishMessage. */
export const messageRoutingFields = {
  /** Endpoints that list channels receive the message only if it shares one of them. */
  channels: zChannels.optional(),
  /** Free labels to find the message by in the log (`?tag=`). */
  tags: z.array(zTag).max(ROUTING_LIMITS.tagsMax).optional(),
  /** FIFO endpoints send the messages of one key in publish order (none: one stream per endpoint). */
  orderingKey: z.string().min(1).max(ROUTING_LIMITS.orderingKeyMaxLength).optional(),
};

export const messageRoutingView = {
  channels: z.array(z.string()),
  tags: z.array(z.string()),
  orderingKey: z.string().nullable(),
};

/** The message log's filters: spread into ZListMessagesQuery. */
export const messageListRoutingQuery = {
  /** Messages published to this channel. */
  channel: zChannel.optional(),
  /** Messages carrying this tag. */
  tag: zTag.optional(),
};

/** "Test filter": a filter (not yet saved) against examples and the tenant's latest messages. */
export const ZTestFilter = z.strictObject({
  filter: ZFilter,
  /** Event types whose catalog example to test too (the endpoint's subscriptions). */
  eventTypes: z.array(z.string().min(1).max(100)).max(50).default([]),
});
export type TTestFilter = z.input<typeof ZTestFilter>;

export const ZFilterTestResult = z.object({
  /** The catalog example of each named event type that has one. */
  examples: z.array(z.object({ eventType: z.string(), payload: z.unknown(), matches: z.boolean() })),
  /** The tenant's latest 20 messages, newest first. */
  messages: z.array(
    z.object({
      id: z.string(),
      eventType: z.string(),
      createdAt: z.iso.datetime(),
      payload: z.unknown(),
      matches: z.boolean(),
    }),
  ),
});

/** A key of a FIFO endpoint whose head has failed at least once and is not settled yet. */
export const ZBlockedKey = z.object({
  /** The message's orderingKey; null for messages published without one (the endpoint's one stream). */
  orderingKey: z.string().nullable(),
  /** Unsettled deliveries of the key, the head included. */
  waiting: z.number().int(),
  head: z.object({
    deliveryId: z.string(),
    messageId: z.string(),
    eventType: z.string(),
    createdAt: z.iso.datetime(),
    status: z.enum(["pending", "sending"]),
    attemptCount: z.number().int(),
    nextAttemptAt: z.iso.datetime().nullable(),
  }),
  lastAttempt: z.object({
    at: z.iso.datetime().nullable(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
  }),
});
export const ZBlockedKeys = z.object({ data: z.array(ZBlockedKey) });
