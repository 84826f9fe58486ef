// The schema stays ready for distribution by tenant_id (Citus; docs/SCALING.md, "Past one
// PostgreSQL"): every tenant-owned table carries tenant_id in its primary key or in a unique
// index, so that its key can become one that includes the distribution column without a table
// rewrite. Read from the migrated database's catalog, not from schema.prisma: the migrations are
// what runs. A new table must either have tenant_id and such a key, or be listed below with the
// reason its rows belong to no single tenant.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../helpers/database";

/** Tables without a tenant_id column, and why none of their rows belongs to one tenant. */
const NOT_TENANT_OWNED: Record<string, string> = {
  tenants: "the tenants themselves: their id is the value every other table carries as tenant_id",
  users: "accounts are global: a user belongs to any number of tenants through memberships (which has tenant_id)",
  event_types: "the platform-wide catalog of event types, shared by every tenant",
  worker_heartbeats: "one row per worker process; a worker delivers for every tenant",
  rate_limit_buckets: "sign-in limits per account and per client address, counted before any tenant is chosen",
  rate_limit_counters: "API rate-limit counters per key, shared by the web processes; written every 100 ms",
  jwt_signing_keys: "the instance's receiver-JWT keys, signing for every tenant",
  _prisma_migrations: "the migration runner's bookkeeping",
};

/** Tables with a tenant_id column that are exempt from the rule, and why. */
const EXEMPT: Record<string, string> = {
  api_keys:
    "platform-wide keys have no tenant (tenant_id is null), and a request finds its key by prefix before it knows the tenant: a table every node must read, not one to distribute",
};

interface Table {
  table: string;
  hasTenantId: boolean;
  /** The columns of every unique index (the primary key included) of the table. */
  uniqueKeys: string[][];
}

describe("tenant_id in the keys of tenant-owned tables", () => {
  const url = useTestDatabase();
  let client: pg.Client;
  let tables: Table[];
  beforeAll(async () => {
    client = new pg.Client({ connectionString: url() });
    await client.connect();
    // Ordinary and partitioned tables of the public schema; partitions are covered by their parent.
    ({ rows: tables } = await client.query<Table>(
      `SELECT t.relname AS table,
              EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = t.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS "hasTenantId",
              coalesce((SELECT json_agg(array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n)
                                               JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
                                              ORDER BY k.n) ORDER BY ix.indexrelid)
                          FROM pg_index ix
                         WHERE ix.indrelid = t.oid AND ix.indisunique AND ix.indpred IS NULL), '[]'::json) AS "uniqueKeys"
         FROM pg_class t JOIN pg_namespace ns ON ns.oid = t.relnamespace
        WHERE ns.nspname = 'public' AND t.relkind IN ('r', 'p') AND NOT t.relispartition
        ORDER BY t.relname`,
    ));
  });
  afterAll(() => client.end());

  it("should find the tables (the catalog query reads what it should)", () => {
    expect(tables.length).toBeGreaterThan(20);
    const memberships = tables.find(({ table }) => table === "memberships");
    expect(memberships).toEqual({ table: "memberships", hasTenantId: true, uniqueKeys: [["tenant_id", "user_id"]] });
  });

  it("should list every table without tenant_id as owned by no tenant, with a reason", () => {
    const withoutTenant = tables.filter(({ hasTenantId }) => !hasTenantId).map(({ table }) => table);
    expect(withoutTenant.sort()).toEqual(Object.keys(NOT_TENANT_OWNED).sort());
  });

  it("should have tenant_id in the primary key or a unique index of every tenant-owned table", () => {
    const owned = tables.filter(({ table, hasTenantId }) => hasTenantId && !(table in EXEMPT));
    expect(owned.length).toBeGreaterThan(15);
    const missing = owned
      .filter(({ uniqueKeys }) => !uniqueKeys.some((columns) => columns.includes("tenant_id")))
      .map(({ table, uniqueKeys }) => `${table} (unique keys: ${JSON.stringify(uniqueKeys)})`);
    expect(missing).toEqual([]);
  });

  it("should exempt only tables that exist and have tenant_id", () => {
    for (const table of Object.keys(EXEMPT)) {
      expect(tables.find((candidate) => candidate.table === table)?.hasTenantId, table).toBe(true);
    }
  });
});
