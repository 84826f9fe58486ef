// Vitest global setup: one PostgreSQL for the whole run (embedded, in a temp directory, on a
// free port, or TEST_DATABASE_URL), plus a migrated template database from which every test
// file clones its own database (test/helpers/database.ts), so files never see each other's rows.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/embedded-postgres";
import { migrate } from "../../server/migrate";

export const TEMPLATE_DATABASE = "hookline_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    templateDatabase: string;
  }
}

let server: EmbeddedPostgres | undefined;
let tempDir: string | undefined;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    tempDir = mkdtempSync(path.join(os.tmpdir(), "hookline-test-"));
    chmodSync(tempDir, 0o755); // PostgreSQL runs as its own user when we are root
    server = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "pg"), ephemeral: true });
    adminUrl = server.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await migrate(withDatabase(adminUrl, TEMPLATE_DATABASE));
  project.provide("postgresAdminUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
}

export async function teardown() {
  await server?.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
