// Standard Webhooks signatures (https://www.standardwebhooks.com/, "Signature scheme"): the
// signed content is `${msgId}.${timestamp}.${body}` with the timestamp in integer unix seconds,
// signed with HMAC-SHA256 under the decoded secret, and sent as `v1,<base64>`. Several
// signatures are joined by single spaces; a receiver accepts the request when any one matches,
// which is how a secret rotation overlaps without dropping a delivery.
import "server-only";
import { createHmac } from "node:crypto";
import { decodeSecret } from "./generate-secret";
import { SIGNING_KEY_PREFIX, signV1a } from "./signing-key";

export interface SignInput {
  /** `webhook-id`: the message id, stable across retries so that receivers can dedupe. */
  msgId: string;
  /** `webhook-timestamp`: when this attempt was signed, a Date or unix seconds. */
  timestamp: Date | number;
  /** The exact request body bytes (as a string) that will be sent. */
  body: string;
}

/** Unix seconds of a Date or a seconds value, as the header carries it. */
export function toUnixSeconds(timestamp: Date | number): number {
  const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
  // A fractional or non-finite value would be signed one way and verified another.
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new RangeError(`Webhook timestamps must be non-negative integer unix seconds, got ${String(seconds)}`);
  }
  return seconds;
}

function assertValidMsgId(msgId: string): void {
  // The id goes into a header and into the signed content; a newline would allow header
  // injection, and an empty id cannot be deduplicated on.
  if (msgId.length === 0 || /[\r\n]/.test(msgId)) {
    throw new RangeError("webhook-id must be a non-empty single-line string");
  }
}

/**
 * One signature: `v1,<base64 HMAC-SHA256(key, "id.timestamp.body")>` for a `whsec_` secret, or
 * `v1a,<base64 ed25519 signature>` for a `whsk_` key (./signing-key.ts). The key decides the
 * scheme, so a rotation from one scheme to the other overlaps like any other.
 */
export function signPayload(input: SignInput & { secret: string }): string {
  assertValidMsgId(input.msgId);
  const signedContent = `${input.msgId}.${toUnixSeconds(input.timestamp)}.${input.body}`;
  if (input.secret.startsWith(SIGNING_KEY_PREFIX)) return signV1a(input.secret, signedContent);
  const digest = createHmac("sha256", decodeSecret(input.secret)).update(signedContent, "utf8").digest("base64");
  return `v1,${digest}`;
}

/**
 * The `webhook-signature` value for all active secrets, current first: one secret normally, two
 * while a rotated-out secret is still inside its overlap window.
 */
export function buildSignatureHeader(secrets: readonly string[], input: SignInput): string {
  if (secrets.length === 0) {
    // Sending an unsigned webhook would be a silent security failure; make it a loud one.
    throw new RangeError("At least one signing secret is required");
  }
  return secrets.map((secret) => signPayload({ ...input, secret })).join(" ");
}

// The three Standard Webhooks headers of one delivery attempt. The worker adds Content-Type,
// User-Agent and the endpoint's custom headers; these three it must never let a custom header
// override, or receivers could not verify the request.
export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

export const WEBHOOK_HEADER_NAMES = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

export interface BuildWebhookHeadersInput extends SignInput {
  /** Active signing secrets, current first (see buildSignatureHeader). */
  secrets: readonly string[];
}

/**
 * Signs `body` for this attempt. `timestamp` should be the attempt's send time, not the message's
 * creation time: receivers reject timestamps more than ~5 minutes away from their clock, and a
 * retry hours later must still pass that check.
 */
export function buildWebhookHeaders(input: BuildWebhookHeadersInput): WebhookHeaders {
  const seconds = toUnixSeconds(input.timestamp);
  return {
    "webhook-id": input.msgId,
    "webhook-timestamp": String(seconds),
    "webhook-signature": buildSignatureHeader(input.secrets, {
      msgId: input.msgId,
      timestamp: seconds,
      body: input.body,
    }),
  };
}
