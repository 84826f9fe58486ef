// Everything the API can write, as one comparable value: a rejected request must leave it
// exactly as it was ("never a half-written row"). last_used_at is left out: authenticating a
// request that is then refused legitimately touches it.
import { pool } from "@/lib/db";

const TABLES: Record<string, string> = {
  tenants: "SELECT * FROM tenants ORDER BY id",
  users: "SELECT * FROM users ORDER BY id",
  memberships: "SELECT * FROM memberships ORDER BY tenant_id, user_id",
  invites: "SELECT * FROM invites ORDER BY id",
  api_keys: "SELECT id, tenant_id, role, name, prefix, hash, expires_at, revoked_at FROM api_keys ORDER BY id",
  event_types: "SELECT * FROM event_types ORDER BY id",
  endpoints: "SELECT * FROM endpoints ORDER BY id",
  messages: "SELECT id, tenant_id, event_type, payload::text, idempotency_key FROM messages ORDER BY id",
  deliveries: "SELECT * FROM deliveries ORDER BY id",
  attempts: "SELECT * FROM attempts ORDER BY id",
};

export async function snapshotDatabase(): Promise<string> {
  const parts: Record<string, unknown> = {};
  for (const [table, sql] of Object.entries(TABLES)) parts[table] = (await pool().query(sql)).rows;
  return JSON.stringify(parts);
}
