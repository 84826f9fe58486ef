// The limits of an endpoint's settings, without zod or any server module, so that the
// dashboard's form checks the same numbers in the browser as lib/schemas/endpoints.ts does on
// the server (which stays the authority: the form only saves a round trip).

// Headers we set ourselves and a receiver must be able to trust, or that HTTP itself owns.
export const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  "host",
  "content-type",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "user-agent",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "authorization",
  "proxy-authorization",
  "cookie",
  "expect",
]);

/** Algorithms of receiver JWTs: the first three sign with the instance's keys, HS256 with a shared secret. */
export const JWT_ALGORITHMS = ["EdDSA", "ES256", "RS256", "HS256"] as const;

/** An HTTP token (RFC 9110), at most 100 characters. */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

export const ENDPOINT_LIMITS = {
  urlMaxLength: 2_048,
  nameMaxLength: 100,
  descriptionMaxLength: 1_000,
  eventTypesMax: 500,
  headersMax: 20,
  headerValueMaxLength: 1_000,
  /** Requests per second. */
  rateLimit: { min: 1, max: 10_000 },
  maxConcurrency: { min: 1, max: 256 },
  timeoutMs: { min: 1_000, max: 60_000 },
} as const;
