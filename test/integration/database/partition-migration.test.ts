// The migration that partitions messages, deliveries and attempts by time, applied to a
// database filled by the demo generator (npm run seed:demo) at the migration before it: every
// row is still there, byte for byte (count and checksum per table), each in the partition of its
// day, and the default partitions are empty. Prints how long the migration took, for
// docs/DEPLOYMENT.md.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { seedDemo } from "@/lib/demo/seed-demo";
import { reloadEnv } from "@/lib/env";
import { MIGRATIONS_DIR, migrate, readMigrations } from "@/server/migrate";
import { createDatabase } from "../../helpers/database";

const MIGRATION = readMigrations().find((migration) => migration.name.endsWith("_partition_by_time"))!.name;
const TABLES = ["messages", "deliveries", "attempts", "message_labels"] as const;

describe(`migration ${MIGRATION}`, () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let client: pg.Client;
  let before: string;
  let upTo: string;

  beforeAll(async () => {
    database = await createDatabase({ migrated: false });
    before = mkdtempSync(path.join(os.tmpdir(), "hookline-migrations-before-"));
    cpSync(MIGRATIONS_DIR, before, {
      recursive: true,
      filter: (source) => path.basename(source) < MIGRATION || !/^\d{14}_/.test(path.basename(source)),
    });
    // Migrations later than this one are not part of the comparison.
    upTo = mkdtempSync(path.join(os.tmpdir(), "hookline-migrations-up-to-"));
    cpSync(MIGRATIONS_DIR, upTo, {
      recursive: true,
      filter: (source) => path.basename(source) <= MIGRATION || !/^\d{14}_/.test(path.basename(source)),
    });
    await migrate(database.url, { dir: before });
    process.env.DATABASE_URL = database.url;
    reloadEnv();
    await closeDb();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await closeDb();
    await client?.end();
    await database?.drop();
    rmSync(before, { recursive: true, force: true });
    rmSync(upTo, { recursive: true, force: true });
  });

  /** Every table's fingerprint, one query at a time. */
  async function fingerprints() {
    const result: Record<string, { rows: number; checksum: string | null }> = {};
    for (const table of TABLES) result[table] = await fingerprint(table);
    return result;
  }

  /** Rows and an md5 over every row's text, in id (or key) order. */
  async function fingerprint(table: (typeof TABLES)[number]) {
    const order = table === "message_labels" ? "tenant_id, kind, value, message_id" : "id";
    const { rows } = await client.query<{ rows: number; checksum: string | null }>(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\\n' ORDER BY ${order})) AS checksum FROM ${table} t`,
    );
    return rows[0]!;
  }

  it("should keep every row of a demo database, each in its day's partition", async () => {
    const seeded = await seedDemo({ publicUrl: "http://localhost:3000" });
    expect(seeded.history.messages).toBeGreaterThan(3_000);
    const { rows: applied } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = $1`,
      [MIGRATION],
    );
    expect(applied[0]!.n).toBe(0);
    const { rows: kind } = await client.query<{ relkind: string }>(
      `SELECT relkind FROM pg_class WHERE relname = 'messages'`,
    );
    expect(kind[0]!.relkind).toBe("r");
    const expected = Object.fromEntries(
      await Promise.all(TABLES.map(async (table) => [table, await fingerprint(table)])),
    );
    for (const table of ["messages", "deliveries", "attempts"])
      expect(expected[table].rows, table).toBeGreaterThan(1_000);

    const started = performance.now();
    const result = await migrate(database.url, { dir: upTo });
    const seconds = (performance.now() - started) / 1_000;
    expect(result.applied).toEqual([MIGRATION]);
    const total = ["messages", "deliveries", "attempts"].reduce((sum, table) => sum + expected[table]!.rows, 0);
    console.info(
      `${MIGRATION} rewrote ${total} rows (${TABLES.slice(0, 3)
        .map((table) => `${expected[table]!.rows} ${table}`)
        .join(", ")}) in ${seconds.toFixed(2)} s`,
    );

    expect(await fingerprints()).toEqual(expected);
    const { rows: partitioned } = await client.query<{ relname: string; relkind: string }>(
      `SELECT relname, relkind FROM pg_class WHERE relname IN ('messages', 'deliveries', 'attempts') ORDER BY 1`,
    );
    expect(partitioned.map((row) => row.relkind)).toEqual(["p", "p", "p"]);
    for (const table of ["messages", "deliveries", "attempts"]) {
      const { rows } = await client.query<{ n: number; days: number }>(
        `SELECT (SELECT count(*)::int FROM ${table}_default) AS n,
                (SELECT count(DISTINCT tableoid)::int FROM ${table}) AS days`,
      );
      expect(rows[0]!.n, `${table}_default`).toBe(0);
      expect(rows[0]!.days, table).toBeGreaterThanOrEqual(3);
    }
    // Rows sit in the partition named after their day.
    const { rows: misplaced } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages
        WHERE tableoid::regclass::text <> 'messages_p' || to_char(created_at AT TIME ZONE 'UTC', 'YYYYMMDD')`,
    );
    expect(misplaced[0]!.n).toBe(0);
  }, 300_000);
});
