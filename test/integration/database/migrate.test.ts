import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "@/server/migrate";
import { createDatabase } from "../../helpers/database";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyDatabase() {
  const database = await createDatabase({ migrated: false });
  cleanups.push(() => database.drop());
  return database.url;
}

function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hookline-migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function runMigrateCommand(url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {
      env: { ...process.env, DATABASE_URL: url, LOG_FORMAT: "json", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("migrate", () => {
  it("should apply every migration to an empty database and record it like Prisma does", async () => {
    const url = await emptyDatabase();
    const result = await migrate(url);
    const names = readMigrations().map((migration) => migration.name);
    expect(result.applied).toEqual(names);
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(readMigrations()[index]!.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("should do nothing the second time", async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const again = await migrate(url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toHaveLength(readMigrations().length);
  });

  it("should apply each migration once when two `npm run db:migrate` start at the same moment", async () => {
    const url = await emptyDatabase();
    const [first, second] = await Promise.all([runMigrateCommand(url), runMigrateCommand(url)]);
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    const rows = await query<{ migration_name: string; n: number }>(
      url,
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name`,
    );
    expect(rows).toHaveLength(readMigrations().length);
    expect(rows.every((row) => row.n === 1)).toBe(true);
    // exactly one of the two did the work
    const applying = [first.output, second.output].filter((output) => output.includes("applying migration"));
    expect(applying).toHaveLength(1);
  });

  it("should serialise many concurrent runners in one process too", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all(Array.from({ length: 5 }, () => migrate(url)));
    expect(results.flatMap((result) => result.applied)).toEqual(readMigrations().map((migration) => migration.name));
  });

  it("should refuse to run when an applied migration's file changed", async () => {
    const url = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(url, { dir });
    const first = readMigrations(dir)[0]!;
    appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- an innocent-looking edit\n");
    await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(url, { dir })).rejects.toThrow(
      new RegExp(`Migration ${first.name} was changed after it was applied`),
    );
  });

  it("should roll a failing migration back completely and record nothing", async () => {
    const url = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(url, { dir });
    mkdirSync(path.join(dir, "29991231000000_broken"));
    writeFileSync(
      path.join(dir, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "half_done" (id int);\nSELECT 1/0;\n`,
    );
    await expect(migrate(url, { dir })).rejects.toThrow(
      /Migration 29991231000000_broken failed and was rolled back: division by zero/,
    );
    const tables = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(tables).toHaveLength(0);
    const rows = await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`);
    expect(rows).toHaveLength(0);
  });
});
