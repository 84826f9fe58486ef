// Polling tokens: the one credential of a polling endpoint's fetch route (GET /api/v1/poll/{token}).
// `hlpoll_` + 32 random bytes in base64url, shown once when the endpoint is created or the token
// rotated; only its SHA-256 is stored (endpoints.polling_token_hash), as for API keys, so a
// database leak reveals no token. SHA-256, not a slow hash: 256 random bits leave nothing to guess.
import { randomBytes } from "node:crypto";
import { hashApiKey } from "@/lib/api-keys/api-key-format";

export const POLLING_TOKEN_PREFIX = "hlpoll_";
const TOKEN_PATTERN = /^hlpoll_[A-Za-z0-9_-]{43}$/;

export function generatePollingToken(): { token: string; hash: string } {
  const token = POLLING_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashPollingToken(token) };
}

export function hashPollingToken(token: string): string {
  return hashApiKey(token);
}

export function isPollingToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
