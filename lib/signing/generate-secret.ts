// Endpoint signing secrets in the Standard Webhooks format: `whsec_<base64 key>`. The part after
// the prefix is the HMAC key's bytes in standard base64 (with padding), which is what every
// Standard Webhooks and Svix verification library expects to decode.
import "server-only";
import { randomBytes } from "node:crypto";

export const SECRET_PREFIX = "whsec_";

/** Bytes of a secret we generate: 256 bits, the HMAC-SHA256 block-size sweet spot. */
export const SECRET_BYTES = 32;

// The spec recommends keys of 24..64 bytes. We accept that whole range so that secrets imported
// from another provider keep working, and refuse anything shorter (too weak) or longer (a paste
// error, most likely).
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;

// Strict standard base64: Buffer.from(…, "base64") silently skips garbage, which would turn a
// mistyped secret into a different key instead of an error.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export class InvalidSecretError extends Error {
  override name = "InvalidSecretError";
}

/** A fresh random secret, `whsec_` + base64 of 32 random bytes. */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString("base64");
}

/**
 * The HMAC key inside a `whsec_…` secret. Throws InvalidSecretError (never echoing the secret)
 * when the prefix is missing, the base64 is malformed or the key length is out of range.
 */
export function decodeSecret(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) {
    throw new InvalidSecretError(`Signing secrets must start with "${SECRET_PREFIX}"`);
  }
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (encoded.length === 0 || !BASE64.test(encoded)) {
    throw new InvalidSecretError(`The part after "${SECRET_PREFIX}" must be standard base64`);
  }
  const key = Buffer.from(encoded, "base64");
  if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
    throw new InvalidSecretError(
      `Signing keys must be ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} bytes, this one has ${key.length}`,
    );
  }
  return key;
}

/** True when `secret` is a well-formed `whsec_` secret (for validating user-supplied secrets). */
export function isValidSecret(secret: string): boolean {
  try {
    decodeSecret(secret);
    return true;
  } catch {
    return false;
  }
}
