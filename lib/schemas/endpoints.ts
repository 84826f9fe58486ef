// What an endpoint looks like on the way in. Shared by the REST API, the dashboard forms and
// lib/endpoints. URL safety (scheme, credentials, blocked addresses) is checked in lib/endpoints
// because it depends on settings; here only the shape.
import { z } from "zod";
import { isValidSecret } from "@/lib/signing/generate-secret";
import { patchOf, zEventTypeName, zId, zPageQuery, zTime, zTimeInput } from "./common";
import { ZAttemptResult } from "./messages";

// Headers we set ourselves and a receiver must be able to trust, or that HTTP itself owns.
export const RESERVED_HEADERS = new Set([
  "host", "content-type", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer",
  "user-agent", "webhook-id", "webhook-timestamp", "webhook-signature", "authorization", "proxy-authorization", "cookie", "expect",
]);

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

export const ZEndpointHeaders = z
  .record(
    z.string().regex(HEADER_NAME, "is not a valid header name").refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), "is set by Hookline and cannot be overridden"),
    z.string().max(1_000).refine((value) => !/[\r\n\0]/.test(value), "must not contain line breaks"),
  )
  .refine((headers) => Object.keys(headers).length <= 20, "at most 20 custom headers");

export const ZEndpointAuth = z.discriminatedUnion("type", [
  z.object({ type: z.literal("basic"), username: z.string().min(1).max(200), password: z.string().max(500) }),
  z.object({ type: z.literal("bearer"), token: z.string().min(1).max(4_000) }),
  z.object({
    type: z.literal("oauth2"),
    tokenUrl: z.url({ protocol: /^https?$/ }),
    clientId: z.string().min(1).max(500),
    clientSecret: z.string().min(1).max(2_000),
    scope: z.string().max(1_000).optional(),
    audience: z.string().max(1_000).optional(),
  }),
]);
export type TEndpointAuth = z.infer<typeof ZEndpointAuth>;

export const ZCreateEndpoint = z.object({
  url: z.string().trim().min(1).max(2_048),
  description: z.string().max(1_000).default(""),
  /** Event types to receive; empty means every type. */
  eventTypes: z.array(zEventTypeName).max(500).default([]),
  /** A `whsec_…` secret to use instead of a generated one (e.g. when moving from another provider). */
  secret: z.string().refine(isValidSecret, "must be whsec_ followed by 24 to 64 bytes in base64").optional(),
  headers: ZEndpointHeaders.default({}),
  auth: ZEndpointAuth.nullable().default(null),
  /** Requests per second; null for no limit. */
  rateLimit: z.number().int().min(1).max(10_000).nullable().default(null),
  maxConcurrency: z.number().int().min(1).max(256).nullable().default(null),
  timeoutMs: z.number().int().min(1_000).max(60_000).nullable().default(null),
  disabled: z.boolean().default(false),
});
export type TCreateEndpoint = z.input<typeof ZCreateEndpoint>;

export const ZUpdateEndpoint = patchOf(ZCreateEndpoint.omit({ secret: true, disabled: true }));
export type TUpdateEndpoint = z.input<typeof ZUpdateEndpoint>;

export const ZListEndpointsQuery = zPageQuery("endpoint").extend({
  status: z.enum(["enabled", "disabled"]).optional(),
});

export const ZDisableEndpoint = z.object({
  /** Shown in the dashboard; "manual" when not given. */
  reason: z.string().trim().min(1).max(200).default("manual"),
});

export const ZRotateEndpointSecret = z.object({
  /** The new secret; generated when not given. */
  secret: z.string().refine(isValidSecret, "must be whsec_ followed by 24 to 64 bytes in base64").optional(),
});
export type TRotateEndpointSecret = z.input<typeof ZRotateEndpointSecret>;

export const ZReplaceEndpointHeaders = z.object({ headers: ZEndpointHeaders });

export const ZEndpointHeadersView = z.object({ headers: z.record(z.string(), z.string()) });

export const ZEndpointSecretView = z.object({
  secret: z.string(),
  /** Until when the previous secret still signs alongside this one (null: no overlap). */
  previousSecretExpiresAt: zTime.nullable(),
});

export const ZEndpointView = z.object({
  id: zId("endpoint"),
  tenantId: zId("tenant"),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  status: z.enum(["enabled", "disabled"]),
  disabledReason: z.string().nullable(),
  disabledAt: zTime.nullable(),
  hasCustomHeaders: z.boolean(),
  authType: z.enum(["basic", "bearer", "oauth2"]).nullable(),
  rateLimit: z.number().int().nullable(),
  maxConcurrency: z.number().int().nullable(),
  timeoutMs: z.number().int().nullable(),
  failingSince: zTime.nullable(),
  lastSuccessAt: zTime.nullable(),
  createdAt: zTime,
  updatedAt: zTime,
});

export const ZRecoverEndpoint = z.object({
  /** Failed deliveries created at or after this time are queued again… */
  since: zTimeInput,
  /** …and before this one (now when left out). */
  until: zTimeInput.optional(),
});

export const ZRecoverResult = z.object({ requeued: z.number().int() });

export const ZSendTestEvent = z.object({ eventType: zEventTypeName });

export const ZTestEventResult = ZAttemptResult.extend({ messageId: zId("message") });

export const ZEndpointStatsQuery = z.object({
  /** Start of the range (default: 24 hours before `to`). */
  from: zTimeInput.optional(),
  /** End of the range (default: now). */
  to: zTimeInput.optional(),
  granularity: z.enum(["minute", "hour", "day"]).default("hour"),
});

const zStatsSummary = z.object({
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  /** 0..1; null with no attempts. */
  successRate: z.number().nullable(),
  samples: z.number().int(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  meanMs: z.number().nullable(),
});

export const ZEndpointStats = z.object({
  from: zTime,
  to: zTime,
  granularity: z.enum(["minute", "hour", "day"]),
  totals: zStatsSummary,
  series: z.array(zStatsSummary.extend({ time: zTime })),
});
