// Secrets at rest: AES-256-GCM with a random 96-bit IV per value, stored as one compact string
//   v1.<keyId>.<iv>.<tag>.<ciphertext>          (base64url without padding)
// `v1` lets the format change later without guessing; `keyId` (see keyIdOf) names the key that
// wrote the value, so old values stay readable while a new key is rolled out. The "v1.<keyId>"
// prefix is bound in as additional authenticated data, so it cannot be edited either.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { assertKeyLength, keyIdOf } from "./parse-encryption-key";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
// 12 bytes is GCM's native IV size; random IVs are safe for far more than 2^32 values per key.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const KEY_ID = /^[0-9a-f]{8}$/;

export class DecryptionError extends Error {
  override name = "DecryptionError";
}

function header(keyId: string): string {
  return `${VERSION}.${keyId}`;
}

/** Encrypts `plaintext` (UTF-8) under `key` (32 bytes). Two calls never give the same output. */
export function encryptSecret(plaintext: string, key: Uint8Array): string {
  assertKeyLength(key);
  const keyId = keyIdOf(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(header(keyId)));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((bytes) => bytes.toString("base64url"));
  return [header(keyId), ...parts].join(".");
}

interface ParsedValue {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

// Errors describe the shape, never the value: it may be a half-decrypted secret in a log line.
function parseValue(value: string): ParsedValue {
  const parts = value.split(".");
  const [version, keyId, iv, tag, ciphertext] = parts;
  const complete =
    version !== undefined && keyId !== undefined && iv !== undefined && tag !== undefined && ciphertext !== undefined;
  if (parts.length !== 5 || !complete) {
    throw new DecryptionError("Encrypted value is malformed: expected v1.<keyId>.<iv>.<tag>.<ciphertext>");
  }
  if (version !== VERSION)
    throw new DecryptionError(`Encrypted value has unknown format version "${version.slice(0, 8)}"`);
  if (!KEY_ID.test(keyId)) throw new DecryptionError("Encrypted value is malformed: bad key id");
  if (![iv, tag, ciphertext].every((part) => BASE64URL.test(part))) {
    throw new DecryptionError("Encrypted value is malformed: not base64url");
  }
  const parsed = {
    keyId,
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
  };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) {
    throw new DecryptionError("Encrypted value is malformed: bad IV or tag length");
  }
  return parsed;
}

/**
 * Decrypts a value from encryptSecret with whichever of `keys` wrote it (current key first, then
 * previous ones). Throws DecryptionError when no configured key wrote it, or when the value was
 * tampered with (GCM authentication fails).
 */
export function decryptSecret(value: string, keys: readonly Uint8Array[]): string {
  if (keys.length === 0) throw new DecryptionError("No encryption keys are configured");
  const parsed = parseValue(value);
  keys.forEach(assertKeyLength);
  const candidates = keys.filter((key) => keyIdOf(key) === parsed.keyId);
  if (candidates.length === 0) {
    const known = keys.map(keyIdOf).join(", ");
    throw new DecryptionError(
      `Encrypted value was written with key ${parsed.keyId}, which is not among the configured keys (${known}); ` +
        "configure that key as a previous key to read it",
    );
  }
  // Normally one candidate; several only on an 8-hex-digit id collision, so try each.
  for (const key of candidates) {
    const decipher = createDecipheriv(ALGORITHM, key, parsed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(header(parsed.keyId)));
    decipher.setAuthTag(parsed.tag);
    try {
      return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]).toString("utf8");
    } catch {
      // Authentication failed with this key; the error below covers the last one.
    }
  }
  throw new DecryptionError(
    `Encrypted value failed authentication with key ${parsed.keyId}: it was altered or the key is wrong`,
  );
}

// Objects at rest (an endpoint's custom headers, its receiver authentication) go through the
// same AES-256-GCM string format as single secrets, serialised as JSON first. Encrypting the
// whole object keeps header names private too and needs one column per object.
export function encryptJson(value: unknown, key: Uint8Array): string {
  const json = JSON.stringify(value);
  // undefined, functions and symbols stringify to undefined, which would decrypt to nothing.
  if (json === undefined) throw new TypeError("encryptJson needs a JSON-serialisable value");
  return encryptSecret(json, key);
}

/**
 * Decrypts and parses a value from encryptJson. The result is as untrusted as any database
 * input, so pass a `parse` function (e.g. a zod schema's `parse`) to get a typed value.
 */
export function decryptJson(value: string, keys: readonly Uint8Array[]): unknown;
export function decryptJson<T>(value: string, keys: readonly Uint8Array[], parse: (value: unknown) => T): T;
export function decryptJson<T>(value: string, keys: readonly Uint8Array[], parse?: (value: unknown) => T): unknown {
  const json = decryptSecret(value, keys);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // Authenticated but not JSON: it was written by encryptSecret, not encryptJson.
    throw new DecryptionError("Encrypted value does not hold JSON");
  }
  return parse ? parse(parsed) : parsed;
}
