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
}

export async function verifyApiKey(key: string): Promise<Principal | null> {
  const adminKey = env().HOOKLINE_ADMIN_API_KEY;
  if (adminKey && secretsEqual(key, adminKey)) return { kind: "platform", keyId: null };

  const parsed = parseApiKey(key);
  if (!parsed) return null;
  const { rows } = await pool().query<KeyRow>(
    `SELECT id, tenant_id, role, hash, (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') AS stale
       FROM api_keys
      WHERE prefix = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
    [parsed.prefix],
  );
  const row = rows[0];
  if (!row || !hashesEqual(row.hash, hashApiKey(key))) return null;
  if (row.stale) await pool().query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [row.id]);
  if (row.tenant_id === null) return { kind: "platform", keyId: row.id };
  return { kind: "tenant_key", keyId: row.id, tenantId: row.tenant_id, role: row.role ?? "viewer" };
}
