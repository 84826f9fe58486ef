// What an endpoint looks like on the way in. Shared by the REST API, the dashboard forms and
// lib/endpoints. URL safety (scheme, credentials, blocked addresses) is checked in lib/endpoints
// because it depends on settings; here only the shape.
import { z } from "zod";
import { isValidSecret } from "@/lib/signing/generate-secret";
import { zEventTypeName } from "./common";

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

export const ZUpdateEndpoint = ZCreateEndpoint.omit({ secret: true, disabled: true }).partial().extend({
  url: z.string().trim().min(1).max(2_048).optional(),
});
export type TUpdateEndpoint = z.input<typeof ZUpdateEndpoint>;
