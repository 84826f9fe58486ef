// What an endpoint looks like on the way in. Shared by the REST API, the dashboard forms and
// lib/endpoints. URL safety (scheme, credentials, blocked addresses) is checked in lib/endpoints
// because it depends on settings; here only the shape.
import { z } from "zod";
import { isValidSecret } from "@/lib/signing/generate-secret";
import { isValidSigningKey } from "@/lib/signing/signing-key";
import { patchOf, zEventTypeName, zId, zPageQuery, zTime, zTimeInput } from "./common";
import { ENDPOINT_LIMITS as LIMITS, HEADER_NAME, JWT_ALGORITHMS, RESERVED_HEADERS } from "./endpoint-rules";
import { ZAttemptResult, ZAttemptView } from "./messages";
import { endpointEgressFields, endpointEgressView } from "./egress";
import { endpointRoutingFields, endpointRoutingView } from "./routing";
import { zRetrySchedule, zRetryScheduleView, ZTransformation } from "./policies";
import { zGranularity, zStatsSummary, ZStatsQuery } from "./stats";

export { RESERVED_HEADERS } from "./endpoint-rules";

export const ZEndpointHeaders = z
  .record(
    z
      .string()
      .regex(HEADER_NAME, "is not a valid header name")
      .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), "is set by Hookline and cannot be overridden"),
    z
      .string()
      .max(LIMITS.headerValueMaxLength)
      .refine((value) => !/[\r\n\0]/.test(value), "must not contain line breaks"),
  )
  .refine((headers) => Object.keys(headers).length <= LIMITS.headersMax, `at most ${LIMITS.headersMax} custom headers`);

export const ZEndpointAuth = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("basic"), username: z.string().min(1).max(200), password: z.string().max(500) }),
  z.strictObject({ type: z.literal("bearer"), token: z.string().min(1).max(4_000) }),
  z.strictObject({
    type: z.literal("oauth2"),
    tokenUrl: z.url({ protocol: /^https?$/ }),
    clientId: z.string().min(1).max(500),
    clientSecret: z.string().min(1).max(2_000),
    scope: z.string().max(1_000).optional(),
    audience: z.string().max(1_000).optional(),
  }),
  // A JWT minted per try (lib/sending/receiver-jwt.ts); asymmetric algorithms use the instance's
  // keys published at /.well-known/jwks.json, HS256 a secret shared with the receiver.
  z
    .strictObject({
      type: z.literal("jwt"),
      algorithm: z.enum(JWT_ALGORITHMS),
      /** HS256 only: the shared secret, at least 32 bytes. */
      secret: z
        .string()
        .max(1_000)
        .refine((secret) => Buffer.byteLength(secret) >= 32, "must be at least 32 bytes")
        .optional(),
      /** The `aud` claim; the endpoint's URL when not given. */
      audience: z.string().min(1).max(1_000).optional(),
      /** `authorization` (the default) carries `Bearer <jwt>`; another header carries the bare token. */
      header: z
        .string()
        .regex(HEADER_NAME, "is not a valid header name")
        .transform((name) => name.toLowerCase())
        .refine(
          (name) => name === "authorization" || !RESERVED_HEADERS.has(name),
          "is set by Hookline and cannot carry the token",
        )
        .optional(),
    })
    .refine((auth) => (auth.algorithm === "HS256") === (auth.secret !== undefined), {
      message: "a secret is required with HS256 and only with HS256",
      path: ["secret"],
    }),
]);
export type TEndpointAuth = z.infer<typeof ZEndpointAuth>;

export const ZEndpointType = z.enum(["webhook", "polling"]);

/** v1: HMAC-SHA256 with a whsec_ secret. v1a: ed25519 with a whsk_ key; the receiver holds the whpk_ public key. */
export const ZSignatureScheme = z.enum(["v1", "v1a"]);
export type TSignatureScheme = z.infer<typeof ZSignatureScheme>;

const SECRET_RULE = "must be whsec_ followed by 24 to 64 bytes, or whsk_ followed by 32 bytes, in base64";
const zSigningSecret = z.string().refine((secret) => isValidSecret(secret) || isValidSigningKey(secret), SECRET_RULE);

export const ZCreateEndpoint = z.strictObject({
  /** "polling": no URL; the consumer fetches its messages (GET /poll/{pollingToken}). */
  type: ZEndpointType.default("webhook"),
  /** Required for "webhook" endpoints; none for "polling" ones. */
  url: z.string().trim().max(LIMITS.urlMaxLength).default(""),
  /** What people call it, shown before the URL in lists; blank or null for none. */
  name: z
    .string()
    .trim()
    .max(LIMITS.nameMaxLength)
    .nullable()
    .transform((name) => name || null)
    .default(null),
  description: z.string().max(LIMITS.descriptionMaxLength).default(""),
  /** Event types to receive; empty means every type. */
  eventTypes: z.array(zEventTypeName).max(LIMITS.eventTypesMax).default([]),
  /** A `whsec_…` secret (or, for v1a, a `whsk_…` key) to use instead of a generated one (e.g. when moving from another provider). */
  secret: zSigningSecret.optional(),
  /** How webhooks are signed; when left out, the given secret's kind decides (v1 without one). */
  signatureScheme: ZSignatureScheme.optional(),
  headers: ZEndpointHeaders.default({}),
  auth: ZEndpointAuth.nullable().default(null),
  /** Requests per second; null for no limit. */
  rateLimit: z.number().int().min(LIMITS.rateLimit.min).max(LIMITS.rateLimit.max).nullable().default(null),
  maxConcurrency: z
    .number()
    .int()
    .min(LIMITS.maxConcurrency.min)
    .max(LIMITS.maxConcurrency.max)
    .nullable()
    .default(null),
  timeoutMs: z.number().int().min(LIMITS.timeoutMs.min).max(LIMITS.timeoutMs.max).nullable().default(null),
  disabled: z.boolean().default(false),
  ...endpointRoutingFields,
  /** Overrides the event type's and the default schedule; null inherits. */
  retrySchedule: zRetrySchedule.default(null),
  transformation: ZTransformation.nullable().default(null),
  ...endpointEgressFields,
});
export type TCreateEndpoint = z.input<typeof ZCreateEndpoint>;

export const ZUpdateEndpoint = patchOf(ZCreateEndpoint.omit({ type: true, secret: true, disabled: true }));
export type TUpdateEndpoint = z.input<typeof ZUpdateEndpoint>;

export const ZListEndpointsQuery = zPageQuery("endpoint").extend({
  /**
   * `failing`: enabled, but its latest attempts failed (it has a `failingSince`);
   * `certificate_expiring`: enabled, its client certificate expires within 14 days or has expired.
   */
  status: z.enum(["enabled", "disabled", "failing", "certificate_expiring"]).optional(),
});
export type TListEndpointsQuery = z.input<typeof ZListEndpointsQuery>;

export const ZDisableEndpoint = z.strictObject({
  /** Shown in the dashboard; "manual" when not given. */
  reason: z.string().trim().min(1).max(200).default("manual"),
});

export const ZRotateEndpointSecret = z.strictObject({
  /** The new secret (whsec_, or whsk_ for v1a: its kind sets the scheme); generated for the current scheme when not given. */
  secret: zSigningSecret.optional(),
});
export type TRotateEndpointSecret = z.input<typeof ZRotateEndpointSecret>;

export const ZReplaceEndpointHeaders = z.strictObject({ headers: ZEndpointHeaders });

export const ZEndpointHeadersView = z.object({ headers: z.record(z.string(), z.string()) });

export const ZEndpointSecretView = z.object({
  signatureScheme: ZSignatureScheme,
  /** v1: the whsec_ secret the receiver verifies with. v1a: null (the whsk_ key stays with Hookline). */
  secret: z.string().nullable(),
  /** v1a: the whpk_ public key the receiver verifies with; null for v1. */
  publicKey: z.string().nullable(),
  /** Until when the previous secret still signs alongside this one (null: no overlap). */
  previousSecretExpiresAt: zTime.nullable(),
});

export const ZEndpointView = z.object({
  id: zId("endpoint"),
  tenantId: zId("tenant"),
  type: ZEndpointType,
  /** Empty for a polling endpoint. */
  url: z.string(),
  name: z.string().nullable(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  status: z.enum(["enabled", "disabled"]),
  disabledReason: z.string().nullable(),
  disabledAt: zTime.nullable(),
  hasCustomHeaders: z.boolean(),
  authType: z.enum(["basic", "bearer", "oauth2", "jwt"]).nullable(),
  signatureScheme: ZSignatureScheme,
  rateLimit: z.number().int().nullable(),
  maxConcurrency: z.number().int().nullable(),
  timeoutMs: z.number().int().nullable(),
  ...endpointRoutingView,
  retrySchedule: zRetryScheduleView,
  transformation: ZTransformation.nullable(),
  ...endpointEgressView,
  failingSince: zTime.nullable(),
  lastSuccessAt: zTime.nullable(),
  createdAt: zTime,
  updatedAt: zTime,
});

/** The create answer: a polling endpoint's token is shown this once (rotate it to get a new one). */
export const ZCreatedEndpointView = ZEndpointView.extend({ pollingToken: z.string().optional() });

export const ZPollingTokenView = z.object({ pollingToken: z.string() });

export const ZPollQuery = z.strictObject({
  /** The previous answer's cursor: acknowledges everything handed out up to it. */
  cursor: z
    .string()
    .regex(/^dlv_[0-9A-HJKMNP-TV-Z]{26}$/, "is not a cursor from a previous answer")
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  /** Seconds to wait for a message when there is none (long poll); 0 answers at once. */
  wait: z.coerce.number().int().min(0).max(30).default(0),
});

export const ZPollPage = z.object({
  data: z.array(
    z.object({
      /** The message id (= webhook-id). */
      id: zId("message"),
      headers: z.object({
        "webhook-id": z.string(),
        "webhook-timestamp": z.string(),
        "webhook-signature": z.string(),
      }),
      /** The exact envelope string the signature covers. */
      body: z.string(),
    }),
  ),
  cursor: z.string().nullable(),
});

export const ZRecoverEndpoint = z.strictObject({
  /** Failed deliveries created at or after this time are queued again… */
  since: zTimeInput,
  /** …and before this one (now when left out). */
  until: zTimeInput.optional(),
});

export const ZRecoverResult = z.object({ requeued: z.number().int() });

export const ZSendTestEvent = z.strictObject({ eventType: zEventTypeName });

export const ZTestEventResult = ZAttemptResult.extend({ messageId: zId("message") });

export const ZEndpointStatsQuery = ZStatsQuery;
export type TEndpointStatsQuery = z.input<typeof ZEndpointStatsQuery>;

export const ZEndpointStats = z.object({
  from: zTime,
  to: zTime,
  granularity: zGranularity,
  totals: zStatsSummary,
  series: z.array(zStatsSummary.extend({ time: zTime })),
});

export const ZEndpointHealthQuery = z.strictObject({
  /** Comma-separated endpoint ids (a page of the list); ids of other tenants are left out. */
  endpoints: z
    .string()
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(z.array(zId("endpoint")).min(1).max(250)),
});
export type TEndpointHealthQuery = z.input<typeof ZEndpointHealthQuery>;

export const ZEndpointHealth = z.object({
  endpointId: zId("endpoint"),
  /** Attempts in the window, with their success rate and latency percentiles. */
  stats: zStatsSummary,
  /** The latest attempt, whenever it was (null: never tried). */
  lastAttempt: z
    .object({
      id: zId("attempt"),
      startedAt: zTime,
      /** The receiver's HTTP status; null when no response came (see errorKind). */
      status: z.number().int().nullable(),
      errorKind: z.string().nullable(),
    })
    .nullable(),
});

export const ZEndpointHealthList = z.object({
  /** The window of `stats`: the last 24 hours. */
  from: zTime,
  to: zTime,
  data: z.array(ZEndpointHealth),
});

export const ZListEndpointAttemptsQuery = zPageQuery("attempt");
export type TListEndpointAttemptsQuery = z.input<typeof ZListEndpointAttemptsQuery>;

/** An attempt in an endpoint's log: the attempt with its message's event type. */
export const ZEndpointAttemptView = ZAttemptView.extend({ eventType: z.string() });
