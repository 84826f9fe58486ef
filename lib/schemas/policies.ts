// Delivery policies on the way in and out: an event type's or endpoint's retry schedule, and an
// endpoint's transformation. The expressions' syntax is checked in lib/transformations (it
// needs the JSONata parser); here only the shape.
import { z } from "zod";
import { checkRetrySchedule } from "@/lib/queue/retry-schedule";
import { HEADER_NAME, RESERVED_HEADERS } from "./endpoint-rules";

/** `["10s", "1m", "10m", "1h"]`; null inherits. Stored in ms (retry-schedule.ts: scheduleToMs). */
export const zRetrySchedule = z
  .array(z.string().max(20))
  .max(100)
  .superRefine((steps, context) => {
    for (const issue of checkRetrySchedule(steps))
      context.addIssue({ code: "custom", message: issue.message, path: issue.index === null ? [] : [issue.index] });
  })
  .nullable()
  .meta({
    description:
      "Delays before each retry (units ms, s, m, h, d; 1–20 steps, each 1 s to 24 h, at most 14 days in all), e.g. " +
      '["10s", "1m", "10m", "1h"]. null inherits (endpoint → event type → the instance default). ' +
      "Fixed on each delivery when it is created: a change applies to new messages only.",
  });

/** As shown: canonical steps ("90s", "1h"), null when inherited. */
export const zRetryScheduleView = z.array(z.string()).nullable();

/** Headers a transformation may not set: the reserved ones, and every `webhook-*` header. */
export function isReservedTransformationHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED_HEADERS.has(lower) || lower.startsWith("webhook-");
}

export const TRANSFORMATION_LIMITS = { expressionMaxLength: 10_000, headersMax: 20 } as const;

export const ZTransformation = z
  .strictObject({
    language: z.literal("jsonata"),
    /** Its result is the body to send; no result skips the message for this endpoint. */
    expression: z.string().trim().min(1).max(TRANSFORMATION_LIMITS.expressionMaxLength),
    /** Header name → expression giving its value (no result: the header is left out). */
    headers: z
      .record(
        z
          .string()
          .regex(HEADER_NAME, "is not a valid header name")
          .refine((name) => !isReservedTransformationHeader(name), "is set by Hookline and cannot be overridden"),
        z.string().trim().min(1).max(TRANSFORMATION_LIMITS.expressionMaxLength),
      )
      .refine(
        (headers) => Object.keys(headers).length <= TRANSFORMATION_LIMITS.headersMax,
        `at most ${TRANSFORMATION_LIMITS.headersMax} headers`,
      )
      .optional(),
  })
  .meta({
    description:
      "A JSONata expression over { type, timestamp, data } whose result is the body sent (an empty result " +
      "skips the message for this endpoint), and optional header expressions.",
  });
export type TTransformation = z.infer<typeof ZTransformation>;

const zTransformationError = z.object({
  /** `expression` or `headers.<name>`. */
  path: z.string(),
  message: z.string(),
  /** Character offset in that expression, when the error has one. */
  position: z.number().int().nullable(),
});

export const ZPreviewTransformation = z.strictObject({
  transformation: ZTransformation,
  /** A message to run it on: { type, timestamp?, data, channels?, tags? }. Left out: the samples below. */
  input: z
    .strictObject({
      type: z.string().min(1).max(200),
      timestamp: z.string().max(40).optional(),
      data: z.unknown(),
      channels: z.array(z.string().max(100)).max(50).optional(),
      tags: z.array(z.string().max(100)).max(50).optional(),
    })
    .optional(),
  /** Without `input`: the catalog examples of these event types, then the tenant's latest 10 messages. */
  eventTypes: z.array(z.string().max(200)).max(100).default([]),
});
export type TPreviewTransformation = z.input<typeof ZPreviewTransformation>;

export const ZTransformationPreview = z.object({
  /** A syntax error (the same for every sample): no sample was run. */
  compileError: zTransformationError.nullable(),
  results: z.array(
    z.object({
      /** input: the request's own; example: an event type's catalog example; message: a recent message. */
      source: z.enum(["input", "example", "message"]),
      eventType: z.string(),
      messageId: z.string().nullable(),
      /** What the expressions read. */
      input: z.record(z.string(), z.unknown()),
      /** body: `body` and `headers` would be sent; skipped: nothing would be sent; error: see `error`. */
      outcome: z.enum(["body", "skipped", "error"]),
      /** The body as it would be sent (JSON text), null unless outcome is body. */
      body: z.string().nullable(),
      headers: z.record(z.string(), z.string()),
      error: zTransformationError.nullable(),
    }),
  ),
});
