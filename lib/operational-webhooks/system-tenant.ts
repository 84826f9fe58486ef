// The system tenant: where Hookline publishes its own operational events for the operator. Its
// endpoints are the operations endpoints; it is an ordinary tenant otherwise (its messages and
// attempts show in the dashboard like any other's).
import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";

/** A fixed, valid tenant id (the lowest possible ULID). */
export const SYSTEM_TENANT_ID = "tnt_00000000000000000000000000";

export async function ensureSystemTenant(client: pg.PoolClient | pg.Pool = pool()): Promise<void> {
  await client.query(
    `INSERT INTO tenants (id, name, updated_at) VALUES ($1, 'Hookline operations', now()) ON CONFLICT (id) DO NOTHING`,
    [SYSTEM_TENANT_ID],
  );
}
