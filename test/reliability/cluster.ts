// A PostgreSQL of the scenario's own (so it can be stopped and started on the same port),
// migrated, with a tenant, an event type, endpoints on a loopback receiver and an admin API key;
// plus the checks every scenario ends with.
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { expect } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/server/embedded-postgres";
import { migrate } from "@/server/migrate";
import { closeDb } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { freePort } from "@/server/ports";
import { eventually } from "../helpers/worker";

export const ADMIN_KEY = "reliability-admin-key-0123456789";

export interface Cluster {
  url: string;
  port: number;
  dataDir: string;
  /** Stops PostgreSQL (fast shutdown: every connection is cut). */
  stopDatabase(): Promise<void>;
  /** Starts it again on the same port and data. */
  startDatabase(): Promise<void>;
  /**
   * `pg_ctl stop -m immediate` (a crash: every backend gone at once, no checkpoint; the next start
   * replays the WAL), then starts it again at once. Resolves when it accepts connections again.
   */
  restartDatabaseImmediately(): Promise<void>;
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  destroy(): Promise<void>;
}

export async function startCluster(): Promise<Cluster> {
  const root = mkdtempSync(path.join(os.tmpdir(), "hookline-reliability-"));
  chmodSync(root, 0o755);
  const dataDir = path.join(root, "pg");
  // A free port is only a preference: another process may take it before PostgreSQL binds, and
  // startEmbeddedPostgres then picks another. Whichever it got is the one every restart reuses.
  let server: EmbeddedPostgres | undefined = await startEmbeddedPostgres({
    dataDir,
    preferredPort: await freePort(),
    ephemeral: false,
  });
  const port = server.port;
  const url = server.url;
  await migrate(url);
  process.env.DATABASE_URL = url;
  reloadEnv();
  await closeDb();

  const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    url,
    port,
    dataDir,
    query,
    async stopDatabase() {
      await server?.stop();
      server = undefined;
    },
    async startDatabase() {
      server = await startEmbeddedPostgres({ dataDir, preferredPort: port });
      if (server.port !== port) throw new Error(`PostgreSQL came back on ${server.port}, not ${port}`);
    },
    async restartDatabaseImmediately() {
      // pg_ctl must run as the data directory's owner (PostgreSQL's own user when we are root).
      const owner = statSync(dataDir);
      const binaries = `@embedded-postgres/${os.platform()}-${os.arch()}`;
      const { pg_ctl } = (await import(binaries)) as { pg_ctl: string };
      await promisify(execFile)(pg_ctl, ["stop", "-D", dataDir, "-m", "immediate", "-w"], {
        uid: owner.uid,
        gid: owner.gid,
      });
      server = undefined;
      server = await startEmbeddedPostgres({ dataDir, preferredPort: port });
      if (server.port !== port) throw new Error(`PostgreSQL came back on ${server.port}, not ${port}`);
    },
    async destroy() {
      await closeDb();
      await server?.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface Consistency {
  deliveries: number;
  succeeded: number;
  failed: number;
  stuckSending: number;
  attempts: number;
  statsTotal: number;
}

/** A database to read: a Cluster, or the stack `npm start` runs (./chaos/stack.ts). */
type Database = Pick<Cluster, "query">;

/** What every scenario checks at the end, read straight from the database. */
export async function consistency(database: Database): Promise<Consistency> {
  const [row] = await database.query<Consistency>(`
    SELECT (SELECT count(*)::int FROM deliveries) AS deliveries,
           (SELECT count(*)::int FROM deliveries WHERE status = 'succeeded') AS succeeded,
           (SELECT count(*)::int FROM deliveries WHERE status = 'failed') AS failed,
           (SELECT count(*)::int FROM deliveries WHERE status = 'sending' AND lease_until < now()) AS "stuckSending",
           (SELECT count(*)::int FROM attempts) AS attempts,
           (SELECT coalesce(sum(succeeded + failed), 0)::int FROM endpoint_stats) AS "statsTotal"`);
  return row!;
}

/**
 * How every scenario ends: each delivery reaches its outcome (`succeeded`; either outcome with
 * `allowFailed`), waited for because a worker may hold the last results in its buffer for a
 * moment; none is left in `sending` past its lease; the statistics count every attempt.
 */
export async function expectSettled(
  database: Database,
  options: { allowFailed?: boolean; timeoutMs?: number } = {},
): Promise<Consistency> {
  const state = await eventually(
    async () => {
      const current = await consistency(database);
      const done = options.allowFailed ? current.succeeded + current.failed : current.succeeded;
      return done === current.deliveries ? current : undefined;
    },
    options.timeoutMs ?? 30_000,
    options.allowFailed ? "every delivery to settle" : "every delivery to succeed",
  );
  expect(state.stuckSending).toBe(0);
  expect(state.statsTotal).toBe(state.attempts);
  return state;
}
