// Turns an `Authorization: Bearer <key>` value into a Principal, or null when it is not a valid,
// live key. last_used_at is refreshed at most once a minute per key, so a busy publisher does
// not turn every request into a write.
import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashApiKey, hashesEqual, parseApiKey, secretsEqual } from "./api-key-format";

interface KeyRow {
  id: string;
  tenant_id: string | null;
  role: Role | null;
  hash: string;
  stale: boolean;
  api_rate_limit: number | null;
}

export interface AuthenticatedKey {
  principal: Principal;
  /** The key's tenant's own API rate limit (requests per second), null for the setting's. */
  rateLimit: number | null;
}

export async function authenticateApiKey(key: string): Promise<AuthenticatedKey | null> {
  const adminKey = env().HOOKLINE_ADMIN_API_KEY;
  if (adminKey && secretsEqual(key, adminKey)) return { principal: { kind: "platform", keyId: null }, rateLimit: null };

  const parsed = parseApiKey(key);
  if (!parsed) return null;
  const { rows } = await pool().query<KeyRow>(
    `SELECT k.id, k.tenant_id, k.role, k.hash, t.api_rate_limit,
            (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute') AS stale
       FROM api_keys k LEFT JOIN tenants t ON t.id = k.tenant_id
      WHERE k.prefix = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
    [parsed.prefix],
  );
  const row = rows[0];
  if (!row || !hashesEqual(row.hash, hashApiKey(key))) return null;
  if (row.stale) await pool().query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [row.id]);
  if (row.tenant_id === null) return { principal: { kind: "platform", keyId: row.id }, rateLimit: null };
  return {
    principal: { kind: "tenant_key", keyId: row.id, tenantId: row.tenant_id, role: row.role ?? "viewer" },
    rateLimit: row.api_rate_limit,
  };
}

export async function verifyApiKey(key: string): Promise<Principal | null> {
  return (await authenticateApiKey(key))?.principal ?? null;
}
