// Standard Webhooks asymmetric signatures ("v1a"): ed25519 over the same signed content as v1
// (`${msgId}.${timestamp}.${body}`), sent as `v1a,<base64 signature>`. Hookline keeps the secret
// key, `whsk_<base64 of the 32-byte seed>`; the receiver gets only the public key,
// `whpk_<base64 of the 32-byte public key>` (the encodings of the spec's reference libraries), so
// a receiver's copy cannot forge a webhook. Key objects are built once per key and cached: the
// worker signs every try.
import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { processState } from "@/lib/process-state";

export const SIGNING_KEY_PREFIX = "whsk_";
export const PUBLIC_KEY_PREFIX = "whpk_";
const SEED_BYTES = 32;
// PKCS#8 DER of an Ed25519 private key is this fixed prefix followed by the 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const MAX_CACHED = 10_000;

const keys = () => processState("signing-key.v1a-private-keys", () => new Map<string, KeyObject>());

/** The private key inside a `whsk_…` key; throws a RangeError (never echoing the key) if malformed. */
function privateKeyOf(signingKey: string): KeyObject {
  const cache = keys();
  const cached = cache.get(signingKey);
  if (cached) return cached;
  const encoded = signingKey.startsWith(SIGNING_KEY_PREFIX) ? signingKey.slice(SIGNING_KEY_PREFIX.length) : "";
  const seed = STRICT_BASE64.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
  if (seed.length !== SEED_BYTES) {
    throw new RangeError(`Signing keys must be ${SIGNING_KEY_PREFIX} followed by 32 bytes in base64`);
  }
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(signingKey, key);
  return key;
}

/** A fresh `whsk_…` key. */
export function generateSigningKey(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  const seed = Buffer.from(privateKey.export({ format: "jwk" }).d!, "base64url");
  return SIGNING_KEY_PREFIX + seed.toString("base64");
}

/** The `whpk_…` public key that verifies what `signingKey` signs. */
export function publicKeyOf(signingKey: string): string {
  const x = createPublicKey(privateKeyOf(signingKey)).export({ format: "jwk" }).x!;
  return PUBLIC_KEY_PREFIX + Buffer.from(x, "base64url").toString("base64");
}

export function isValidSigningKey(signingKey: string): boolean {
  try {
    privateKeyOf(signingKey);
    return true;
  } catch {
    return false;
  }
}

/** `v1a,<base64 ed25519 signature of signedContent>`. */
export function signV1a(signingKey: string, signedContent: string): string {
  return `v1a,${sign(null, Buffer.from(signedContent, "utf8"), privateKeyOf(signingKey)).toString("base64")}`;
}
