// API keys look like `hl_<prefix>_<secret>`: the prefix (12 hex chars) is stored in clear to
// find the row; only the SHA-256 of the whole key is stored, so a database leak reveals no key.
// SHA-256 (not argon2) is right here: the secret has 256 bits of entropy, nothing to brute-force.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const KEY_PATTERN = /^hl_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("hex");
  const key = `hl_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The prefix of a well-formed key, or null for anything else. */
export function parseApiKey(key: string): { prefix: string } | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { prefix: match[1]! } : null;
}

export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Constant-time comparison of two secrets of any length (for HOOKLINE_ADMIN_API_KEY). */
export function secretsEqual(a: string, b: string): boolean {
  return hashesEqual(hashApiKey(a), hashApiKey(b));
}
