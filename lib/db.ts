// The one database connection pool per process, shared by the Prisma client (CRUD) and by the
// hand-written SQL of the hot paths (publishing, the queue, recording), so both count against one pool size.
// With HOOKLINE_DATABASE_READ_URL, a second pool on a read replica: inside `readingFromReplica`
// (the API's GET handlers, lib/api/route.ts) db() and pool() answer from it; everywhere else,
// and always when the variable is unset, from the primary.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { dropProcessState, processState } from "@/lib/process-state";

interface Database {
  pool: pg.Pool;
  prisma: PrismaClient;
}

/**
 * PostgreSQL ends a session that sits inside a transaction, sending nothing, for this long. Our
 * transactions send their statements back to back, so such a session belongs to a process that
 * stalled mid-transaction (frozen, paused VM, network partition with the socket still open). Its
 * row locks would otherwise hold up, indefinitely, every other process touching the same rows:
 * the takeover of its expired leases and the result batches of the other workers for the same
 * endpoint and tenant. The stalled process gets an error on its next statement and retries.
 */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 5_000;

function createPool(url: string | undefined, name: string, settings: pg.PoolConfig): pg.Pool {
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  const pool = new pg.Pool({
    connectionString: url,
    // Fail fast instead of queueing forever when the database is unreachable.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    application_name: name,
    ...settings,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
  return pool;
}

function createDatabase(url = env().DATABASE_URL, name = process.env.HOOKLINE_PROCESS ?? "hookline"): Database {
  const pool = createPool(url, name, { max: env().DATABASE_POOL_SIZE });
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, {
      onConnectionError: (error) => logger.warn({ err: error }, "database connection lost"),
    }),
  });
  return { pool, prisma };
}

// One pool per process, across Next's module reloads and both copies of lib/ (lib/process-state.ts).
function primary(): Database {
  return processState("db", () => createDatabase());
}

const replicaReads = processState("db.replicaReads", () => new AsyncLocalStorage<true>());

function database(): Database {
  const readUrl = replicaReads.getStore() && env().HOOKLINE_DATABASE_READ_URL;
  if (!readUrl) return primary();
  return processState("db.read", () => createDatabase(readUrl, `${process.env.HOOKLINE_PROCESS ?? "hookline"}-read`));
}

/** Runs `work` with db() and pool() on the read replica when one is configured (only reads may run inside). */
export function readingFromReplica<T>(work: () => Promise<T>): Promise<T> {
  return replicaReads.run(true, work);
}

/** The Prisma client (created on first use). */
export function db(): PrismaClient {
  return database().prisma;
}

/** The raw pg pool, for hand-written SQL on hot paths. */
export function pool(): pg.Pool {
  return database().pool;
}

/**
 * The connection a worker claims on (lib/queue/claim-deliveries.ts): one, since a worker claims
 * one batch at a time, on the primary, with sorting disabled for the planner. The claim's
 * `ORDER BY next_attempt_at LIMIT n FOR UPDATE SKIP LOCKED` is answered by walking each
 * partition's due index in order, stopping after n rows; but when the statistics say few rows
 * are due (taken while the queue was empty, or before a backlog came due, as they usually are)
 * PostgreSQL prefers reading every due row and sorting them, and the sort sits under the lock
 * step, so nothing bounds it: every claim then reads and sorts the whole backlog (28 ms for a
 * backlog of 50,000, against 0.1 ms by the index; docs/BENCHMARKS.md). The setting makes the
 * ordered index walk the only plan, whatever the statistics say.
 */
export function claimPool(): pg.Pool {
  return processState("db.claim", () =>
    createPool(env().DATABASE_URL, `${process.env.HOOKLINE_PROCESS ?? "hookline"}-claim`, {
      max: 1,
      options: "-c enable_sort=off",
    }),
  );
}

/** Closes the pools; for workers and scripts that exit. */
export async function closeDb(): Promise<void> {
  for (const name of ["db", "db.read"]) {
    const current = dropProcessState<Database>(name);
    if (!current) continue;
    await current.prisma.$disconnect();
    await current.pool.end().catch(() => undefined);
  }
  await dropProcessState<pg.Pool>("db.claim")
    ?.end()
    .catch(() => undefined);
}

/**
 * Runs `work` on one pooled connection of its own. A checked-out client has no error listener
 * of the pool's: without ours, a connection cut between two statements (database restart,
 * pg_terminate_backend) would be an uncaught 'error' event and crash the process. The failed
 * statement still rejects `work`; a client whose connection failed (or that `work` marks
 * broken) is destroyed, not put back into the pool.
 *
 * When the connection was cut while no statement was running, the next statement fails with
 * pg's "Client has encountered a connection error and is not queryable", which says nothing
 * about why; `work` then rejects with the connection's own error instead (e.g. PostgreSQL's
 * 57P01 "terminating connection due to administrator command"), so callers see a database
 * that went away (an API answers 503, not 500).
 */
async function withClient<T>(
  work: (client: pg.PoolClient, markBroken: (error: Error) => void) => Promise<T>,
): Promise<T> {
  const client = await pool().connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken ??= error;
  };
  client.on("error", onError);
  try {
    return await work(client, onError);
  } catch (error) {
    if (broken && error instanceof Error && NOT_QUERYABLE.test(error.message)) throw broken;
    throw error;
  } finally {
    client.removeListener("error", onError);
    client.release(broken);
  }
}

/** pg's message for a statement on a client whose connection had already failed or closed. */
const NOT_QUERYABLE = /is not queryable/;

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK
 * when it throws. For the hand-written SQL of the hot paths (Prisma has its own $transaction).
 */
export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(async (client, markBroken) => {
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(markBroken);
      throw error;
    }
  });
}

/**
 * Runs `work` on one connection holding the session advisory lock `lock`, so that of several
 * processes running the same job (retention, message counts) one does it at a time; returns
 * false, without running `work`, when another session holds the lock.
 */
export async function withAdvisoryLock(lock: number, work: (client: pg.PoolClient) => Promise<void>): Promise<boolean> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock($1) AS locked`, [lock]);
    if (!rows[0]?.locked) return false;
    try {
      await work(client);
    } finally {
      await client.query(`SELECT pg_advisory_unlock($1)`, [lock]);
    }
    return true;
  });
}
