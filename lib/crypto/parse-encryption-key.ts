// The AES-256 key that encrypts secrets at rest (signing secrets, receiver credentials, custom
// header values). It comes from HOOKLINE_ENCRYPTION_KEY or from a key file generated once in the
// data directory (see load-or-create-key-file.ts); either way it is 32 bytes written as base64
// or hex, e.g. from `openssl rand -base64 32` or `openssl rand -hex 32`.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export const KEY_BYTES = 32;

export class EncryptionKeyError extends Error {
  override name = "EncryptionKeyError";
}

const HEX = /^[0-9a-fA-F]+$/;
// Standard or URL-safe alphabet, padding optional: people paste keys from many tools.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Turns a configured key (64 hex chars, or base64/base64url of 32 bytes) into its bytes. The
 * error names what is wrong without echoing the value, which is a secret.
 */
export function parseEncryptionKey(text: string): Buffer {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new EncryptionKeyError("The encryption key is empty");
  // Hex first: 64 hex digits are also valid base64, but would decode to 48 bytes.
  if (trimmed.length === KEY_BYTES * 2 && HEX.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (!BASE64.test(trimmed)) {
    throw new EncryptionKeyError(
      `The encryption key must be ${KEY_BYTES} bytes written as base64 or as ${KEY_BYTES * 2} hex digits ` +
        "(generate one with `openssl rand -base64 32`)",
    );
  }
  const key = Buffer.from(trimmed, "base64");
  if (key.length !== KEY_BYTES) {
    throw new EncryptionKeyError(`The encryption key must be ${KEY_BYTES} bytes, this one decodes to ${key.length}`);
  }
  return key;
}

/** A new random key. */
export function generateEncryptionKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * First 8 hex digits of the key's SHA-256. Stored in every encrypted value so that, after a key
 * rotation, decryption goes straight to the key that wrote it and an error can say which key is
 * missing. 32 bits of a hash reveal nothing useful about a 256-bit random key.
 */
export function keyIdOf(key: Uint8Array): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function assertKeyLength(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) {
    throw new EncryptionKeyError(`Encryption keys are ${KEY_BYTES} bytes, got ${key.length}`);
  }
}
