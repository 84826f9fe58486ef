// Each test file gets a database of its own, cloned from the migrated template (fast: a file
// copy inside PostgreSQL), and points lib/db at it through DATABASE_URL.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "@/lib/db";
import { reloadEnv } from "@/lib/env";

export function databaseUrl(name: string): string {
  const url = new URL(inject("postgresAdminUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("postgresAdminUrl") });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database; `migrated: true` clones the migrated template instead. */
export async function createDatabase(options: {
  migrated: boolean;
}): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `hookline_test_${randomBytes(6).toString("hex")}`;
  await admin((client) =>
    client.query(`CREATE DATABASE ${name}${options.migrated ? ` TEMPLATE ${inject("templateDatabase")}` : ""}`),
  );
  return {
    name,
    url: databaseUrl(name),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * Gives the calling test file its own migrated database for all its tests, and makes lib/db
 * use it. Returns a getter for the URL (available once beforeAll has run).
 */
export function useTestDatabase(): () => string {
  let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
  beforeAll(async () => {
    database = await createDatabase({ migrated: true });
    process.env.DATABASE_URL = database.url;
    reloadEnv();
    await closeDb();
  });
  afterAll(async () => {
    await closeDb();
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error("useTestDatabase(): the database exists only inside tests and hooks");
    return database.url;
  };
}
