// Portal link tokens: 256 random bits (opaque; nothing in them to tamper with), only their SHA-256
// stored (like API keys and invites: a random secret needs no slow hash). The hlp_ prefix
// makes a leaked one recognisable to secret scanners.
import { createHash, randomBytes } from "node:crypto";

const PREFIX = "hlp_";

export function generatePortalToken(): { token: string; hash: string } {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashPortalToken(token) };
}

export function hashPortalToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Cheap shape check before any query: anything else cannot be one of ours. */
export function looksLikePortalToken(value: unknown): value is string {
  return typeof value === "string" && /^hlp_[A-Za-z0-9_-]{43}$/.test(value);
}
