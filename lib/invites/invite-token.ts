// Invite tokens: 256 random bits in the link, only their SHA-256 in the database (like API
// keys: nothing to brute-force, so a fast hash is right), valid for 7 days, used once.
import { createHash, randomBytes } from "node:crypto";

export const INVITE_TTL_MS = 7 * 24 * 3_600_000;

export function generateInviteToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
